package io.quarkiverse.schematic.runtime.sharedcache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.RuleType;

/**
 * Writes an answer as JSON for Redis and reads it back. Reading is strict about what matters (the flag, the value)
 * and fails on anything else it cannot understand: the caller treats a failure as a miss.
 */
public final class CachedAnswerCodec {

    /** An own mapper: the application's ObjectMapper customizations must not change what other instances read. */
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String write(FlagCheck check) {
        try {
            return json.writeValueAsString(new CachedAnswer(check.flag(), check.value(), check.reason(),
                    check.flagId(), check.companyId(), check.userId(), check.ruleId(), check.error(),
                    check.ruleType() == null ? null : check.ruleType().wireName(), check.entitlement()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A flag check could not be written as JSON", e);
        }
    }

    /**
     * The answer for {@code flag} with source {@link FlagSource#CACHE}.
     *
     * @throws IllegalArgumentException when the text is not an answer for this flag in this format
     */
    public FlagCheck read(String flag, String text) {
        CachedAnswer answer;
        try {
            answer = json.readValue(text, CachedAnswer.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a cached answer: " + e.getClass().getSimpleName(), e);
        }
        if (answer == null || answer.value() == null || !flag.equals(answer.flag())) {
            throw new IllegalArgumentException("not a cached answer for this flag");
        }
        return new FlagCheck(flag, answer.value(), answer.reason(), answer.flagId(), answer.companyId(),
                answer.userId(), answer.ruleId(), FlagSource.CACHE, answer.error(),
                answer.ruleType() == null ? null : RuleType.fromWire(answer.ruleType()), answer.entitlement());
    }
}
