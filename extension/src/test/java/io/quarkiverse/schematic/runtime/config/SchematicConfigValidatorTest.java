package io.quarkiverse.schematic.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SchematicConfigValidatorTest {

    private static List<String> problems(String... keyValues) {
        return SchematicConfigValidator.problems(TestConfigs.schematic(keyValues));
    }

    @Test
    void defaultsWithAnApiKeyAreValid() {
        assertThat(problems("quarkus.schematic.api-key", "secret-key")).isEmpty();
    }

    @Test
    void offlineNeedsNoApiKey() {
        assertThat(problems("quarkus.schematic.offline", "true")).isEmpty();
    }

    @Test
    void missingApiKeyNamesThePropertyAndOffline() {
        assertThat(problems()).singleElement().asString()
                .contains("quarkus.schematic.api-key").contains("quarkus.schematic.offline");
        assertThat(problems("quarkus.schematic.api-key", "  ")).singleElement().asString()
                .contains("quarkus.schematic.api-key");
    }

    @Test
    void eachBadValueNamesItsProperty() {
        assertThat(problems("quarkus.schematic.api-key", "k",
                "quarkus.schematic.base-url", "not a url",
                "quarkus.schematic.event-capture-url", "ftp://c.example.com",
                "quarkus.schematic.timeout", "-5s",
                "quarkus.schematic.max-retries", "-1",
                "quarkus.schematic.cache.ttl", "0s",
                "quarkus.schematic.circuit-breaker.failure-ratio", "1.5",
                "quarkus.schematic.events.max-batch-size", "0",
                "quarkus.schematic.events.capacity", "0",
                "quarkus.schematic.webhook.tolerance", "-1m"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.base-url"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.event-capture-url"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.timeout must be positive"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.max-retries must not be negative"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.cache.ttl"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.circuit-breaker.failure-ratio"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.events.max-batch-size"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.events.capacity"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.webhook.tolerance"))
                .hasSize(9);
    }

    @Test
    void aBatchMayHoldAtMostTheHundredEventsTheCaptureServiceTakes() {
        assertThat(problems("quarkus.schematic.api-key", "k", "quarkus.schematic.events.max-batch-size", "100")).isEmpty();
        assertThat(problems("quarkus.schematic.api-key", "k", "quarkus.schematic.events.max-batch-size", "101"))
                .singleElement().asString()
                .startsWith("quarkus.schematic.events.max-batch-size must be between 1 and 100")
                .endsWith("was 101");
    }

    @Test
    void localEvaluationValuesNameTheirProperty() {
        assertThat(problems("quarkus.schematic.api-key", "k",
                "quarkus.schematic.local-evaluation.url", "https://datastream.example.com",
                "quarkus.schematic.local-evaluation.entity-wait-timeout", "0s",
                "quarkus.schematic.local-evaluation.max-companies", "0",
                "quarkus.schematic.local-evaluation.reconnect-delay", "10s",
                "quarkus.schematic.local-evaluation.max-reconnect-delay", "1s"))
                .anySatisfy(p -> assertThat(p).isEqualTo("quarkus.schematic.local-evaluation.url must be an absolute ws"
                        + " or wss URL, was 'https://datastream.example.com'"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.local-evaluation.entity-wait-timeout"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.local-evaluation.max-companies"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.local-evaluation.max-reconnect-delay"))
                .hasSize(4);
        assertThat(problems("quarkus.schematic.api-key", "k", "quarkus.schematic.local-evaluation.enabled", "true",
                "quarkus.schematic.local-evaluation.url", "wss://datastream.example.com/datastream")).isEmpty();
    }

    @Test
    void replicatorValuesNameTheirProperty() {
        assertThat(problems("quarkus.schematic.api-key", "k",
                "quarkus.schematic.local-evaluation.replicator.ready-url", "replicator:8090/ready",
                "quarkus.schematic.local-evaluation.replicator.poll-interval", "0s",
                "quarkus.schematic.local-evaluation.replicator.redis-timeout", "0ms",
                "quarkus.schematic.local-evaluation.replicator.near-cache-ttl", "0s"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.local-evaluation.replicator.ready-url"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.local-evaluation.replicator.poll-interval"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.local-evaluation.replicator.redis-timeout"))
                .anySatisfy(p -> assertThat(p).startsWith("quarkus.schematic.local-evaluation.replicator.near-cache-ttl"))
                .hasSize(4);
        assertThat(problems("quarkus.schematic.api-key", "k",
                "quarkus.schematic.local-evaluation.replicator.ready-url", "http://replicator:8090/ready")).isEmpty();
    }

    @Test
    void theApiKeyIsNeverEchoed() {
        String key = "sch_live_very_secret";
        assertThat(problems("quarkus.schematic.api-key", key, "quarkus.schematic.base-url", "nope"))
                .allSatisfy(p -> assertThat(p).doesNotContain(key));
    }
}
