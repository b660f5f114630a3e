package io.quarkiverse.schematic.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;

/**
 * The secrets that travel in bodies are masked wherever they sit, whatever the body limit.
 */
class MaskingClientLoggerTest {

    @Test
    void masksApiKeyAndTokenMembersOnly() {
        String batch = "{\"events\":[{\"api_key\":\"sch_key_1\",\"type\":\"track\",\"body\":{\"event\":\"token\"}},"
                + "{\"api_key\" : \"sch_key_1\",\"type\":\"identify\"}]}";
        String answer = "{\"data\":{\"id\":\"tok_1\",\"token\":\"tat_a\\\"b\\\\c\",\"expired_at\":\"2026-01-02T03:19:05Z\"}}";

        assertThat(MaskingClientLogger.masked(batch)).doesNotContain("sch_key_1")
                .isEqualTo("{\"events\":[{\"api_key\":\"****\",\"type\":\"track\",\"body\":{\"event\":\"token\"}},"
                        + "{\"api_key\" : \"****\",\"type\":\"identify\"}]}");
        assertThat(MaskingClientLogger.masked(answer))
                .isEqualTo("{\"data\":{\"id\":\"tok_1\",\"token\":\"****\",\"expired_at\":\"2026-01-02T03:19:05Z\"}}");
        assertThat(MaskingClientLogger.masked("{\"flag\":\"beta\"}")).isEqualTo("{\"flag\":\"beta\"}");
    }

    @Test
    void masksBeforeCuttingToTheBodyLimit() {
        MaskingClientLogger logger = new MaskingClientLogger();
        String answer = "{\"token\":\"tat_0123456789abcdef\"}";

        logger.setBodySize(20);
        assertThat(logger.body(Buffer.buffer(answer))).isEqualTo("{\"token\":\"****\"}").doesNotContain("tat_");
        logger.setBodySize(12);
        assertThat(logger.body(Buffer.buffer(answer))).isEqualTo("{\"token\":\"**");
        logger.setBodySize(0);
        assertThat(logger.body(Buffer.buffer(answer))).isEqualTo("{\"token\":\"****\"}");
    }
}
