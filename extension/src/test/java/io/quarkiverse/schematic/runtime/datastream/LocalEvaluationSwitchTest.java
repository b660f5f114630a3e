package io.quarkiverse.schematic.runtime.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.runtime.config.TestConfigs;
import io.quarkiverse.schematic.runtime.devui.DevServiceProtocol;
import io.vertx.core.Vertx;

/**
 * Whether local evaluation is on: as configured; when not configured, on exactly while the application uses the dev
 * service's key (a test resource pointing the application at another server with another key turns it off); never
 * in offline mode.
 */
class LocalEvaluationSwitchTest {

    static final Vertx VERTX = Vertx.vertx();

    @AfterAll
    static void close() {
        VERTX.close();
    }

    @Test
    void offUnlessConfigured() {
        assertThat(enabled("quarkus.schematic.api-key", "sch_live_key")).isFalse();
        assertThat(enabled("quarkus.schematic.api-key", "sch_live_key",
                "quarkus.schematic.local-evaluation.enabled", "true")).isTrue();
    }

    @Test
    void onWithTheDevServiceUnlessConfiguredOff() {
        assertThat(enabled("quarkus.schematic.api-key", DevServiceProtocol.API_KEY)).isTrue();
        assertThat(enabled("quarkus.schematic.api-key", DevServiceProtocol.API_KEY,
                "quarkus.schematic.local-evaluation.enabled", "false")).isFalse();
    }

    @Test
    void neverOffline() {
        assertThat(enabled("quarkus.schematic.offline", "true", "quarkus.schematic.local-evaluation.enabled", "true"))
                .isFalse();
    }

    private static boolean enabled(String... keyValues) {
        return new LocalEvaluation(TestConfigs.schematic(keyValues), TestConfigs.fixed(keyValues), VERTX, null, null)
                .status().enabled();
    }
}
