package io.quarkiverse.schematic.runtime.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;

import jakarta.enterprise.inject.Instance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.runtime.config.TestConfigs;
import io.quarkiverse.schematic.runtime.devui.DevServiceProtocol;
import io.quarkiverse.schematic.runtime.sharedcache.RedisConnection;
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
        return new LocalEvaluation(TestConfigs.schematic(keyValues), TestConfigs.fixed(keyValues), VERTX, null,
                noRedis()).status().enabled();
    }

    /** No Redis connection registered: neither replicator mode nor {@code cache.backend=redis}. */
    @SuppressWarnings("unchecked")
    private static Instance<RedisConnection> noRedis() {
        return (Instance<RedisConnection>) Proxy.newProxyInstance(LocalEvaluationSwitchTest.class.getClassLoader(),
                new Class<?>[] { Instance.class }, (proxy, method, args) -> {
                    if (method.getName().equals("isResolvable")) {
                        return false;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
