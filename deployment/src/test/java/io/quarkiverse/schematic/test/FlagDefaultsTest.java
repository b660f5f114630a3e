package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicService;
import io.quarkus.test.QuarkusUnitTest;

/**
 * When Schematic cannot answer, a check answers the configured default (else false) with source DEFAULT and the
 * error. The circuit breaker is off here so that every failure mode reaches the wire.
 */
class FlagDefaultsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            .overrideConfigKey("quarkus.schematic.cache.enabled", "false")
            .overrideConfigKey("quarkus.schematic.circuit-breaker.enabled", "false")
            .overrideConfigKey("quarkus.schematic.max-retries", "1")
            .overrideConfigKey("quarkus.schematic.timeout", "400ms")
            .overrideConfigKey("quarkus.schematic.flag-defaults.\"on-by-default\"", "true")
            .overrideConfigKey("quarkus.schematic.flag-defaults.\"off-by-default\"", "false");

    @Inject
    SchematicService schematic;

    final WireMock stub = SchematicStub.client();

    @BeforeEach
    void reset() {
        stub.resetMappings();
        stub.resetRequests();
    }

    private void everyFlagAnswers(Consumer<MappingBuilder> answer, String expectedError) {
        for (String flag : List.of("on-by-default", "off-by-default", "no-default")) {
            MappingBuilder mapping = post(urlPathEqualTo("/flags/" + flag + "/check"));
            answer.accept(mapping);
            stub.register(mapping);
        }
        FlagCheck on = schematic.checkFlagDetails("on-by-default", Map.of("id", "acme"), null);
        FlagCheck off = schematic.checkFlagDetails("off-by-default", Map.of("id", "acme"), null);
        FlagCheck none = schematic.checkFlagDetails("no-default", Map.of("id", "acme"), null);

        assertThat(List.of(on, off, none)).extracting(FlagCheck::value).containsExactly(true, false, false);
        assertThat(List.of(on, off, none)).allSatisfy(check -> {
            assertThat(check.source()).isEqualTo(FlagSource.DEFAULT);
            assertThat(check.error()).contains(expectedError);
        });
    }

    @Test
    void connectionResetAnswersDefaults() {
        everyFlagAnswers(m -> m.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)), "could not reach");
    }

    @Test
    void stalledServerAnswersDefaults() {
        everyFlagAnswers(m -> m.willReturn(aResponse().withFixedDelay(3_000).withStatus(200)), "timed out");
    }

    @Test
    void serverErrorsAfterRetriesAnswerDefaults() {
        everyFlagAnswers(m -> m.willReturn(aResponse().withStatus(500)), "HTTP 500");
        everyFlagAnswers(m -> m.willReturn(aResponse().withStatus(503)), "HTTP 503");
        everyFlagAnswers(m -> m.willReturn(aResponse().withStatus(429)), "HTTP 429");
    }

    @Test
    void malformedJsonAnswersDefaults() {
        everyFlagAnswers(m -> m.willReturn(SchematicStub.json("{\"data\": {\"flag\": ")), "could not be read");
        everyFlagAnswers(m -> m.willReturn(SchematicStub.json("{\"data\": {}}")), "no flag value");
    }

    @Test
    void unknownFlagAnswersDefaults() {
        everyFlagAnswers(m -> m.willReturn(aResponse().withStatus(404).withBody("{\"error\":\"Not found\"}")),
                "HTTP 404");
    }

    @Test
    void defaultsCanBeSetAtRuntime() {
        stub.register(post(urlPathEqualTo("/flags/runtime-flag/check")).willReturn(aResponse().withStatus(503)));
        assertThat(schematic.checkFlag("runtime-flag", Map.of("id", "acme"), null)).isFalse();

        schematic.setFlagDefault("runtime-flag", true);

        assertThat(schematic.checkFlag("runtime-flag", Map.of("id", "acme"), null)).isTrue();

        schematic.removeFlagDefault("runtime-flag");

        assertThat(schematic.checkFlag("runtime-flag", Map.of("id", "acme"), null)).isFalse();
        assertThatThrownBy(() -> schematic.removeFlagDefault(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flag");
    }

    @Test
    void bulkChecksFallBackToDefaultsToo() {
        stub.register(post(urlPathEqualTo("/flags/check")).willReturn(aResponse().withStatus(502)));

        List<FlagCheck> some = schematic.checkFlags(List.of("on-by-default", "no-default"), Map.of("id", "acme"), null);
        List<FlagCheck> all = schematic.checkFlags(Map.of("id", "acme"), null);

        assertThat(some).extracting(FlagCheck::value).containsExactly(true, false);
        assertThat(some).extracting(FlagCheck::source).containsOnly(FlagSource.DEFAULT);
        assertThat(all).extracting(FlagCheck::flag).contains("on-by-default", "off-by-default");
        assertThat(all).extracting(FlagCheck::source).containsOnly(FlagSource.DEFAULT);
    }
}
