package io.quarkiverse.schematic.test.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.schematic.ReactiveSchematicService;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Offline: checks are counted with source {@code offline} (no cache involved) and events as dropped.
 */
class MetricsOfflineTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            // without a registry extension the global registry has no backend: counters would stay at 0
            .overrideConfigKey("quarkus.micrometer.export.json.enabled", "true")
            .overrideConfigKey("quarkus.schematic.offline", "true")
            .overrideConfigKey("quarkus.schematic.flag-defaults.\"beta\"", "true");

    @Inject
    SchematicService schematic;

    @Inject
    ReactiveSchematicService reactive;

    @Inject
    MeterRegistry registry;

    @Test
    void offlineChecksAndDroppedEvents() {
        schematic.checkFlag("beta", Map.of("id", "acme"), null);
        schematic.track(Track.event("report").company(Map.of("id", "acme")));

        assertThat(registry.counter("schematic.flag.checks", "flag", "beta", "source", "offline").count())
                .isEqualTo(1);
        // several flags at once are counted like single checks, as they are online
        schematic.checkFlags(List.of("beta"), Map.of("id", "acme"), null);
        reactive.checkFlags(List.of("beta"), Map.of("id", "acme"), null).await().indefinitely();
        assertThat(registry.counter("schematic.flag.checks", "flag", "beta", "source", "offline").count())
                .isEqualTo(3);
        assertThat(registry.counter("schematic.flag.cache.gets", "result", "miss").count()).isZero();
        assertThat(registry.find("schematic.events.dropped").functionCounter().count()).isEqualTo(1);
        assertThat(registry.find("schematic.events.enqueued").functionCounter().count()).isZero();
    }
}
