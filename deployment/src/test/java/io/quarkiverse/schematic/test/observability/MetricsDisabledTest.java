package io.quarkiverse.schematic.test.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.schematic.SchematicService;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.schematic.metrics.enabled=false}: no {@code schematic.*} meter appears.
 */
class MetricsDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            // without a registry extension the global registry has no backend: counters would stay at 0
            .overrideConfigKey("quarkus.micrometer.export.json.enabled", "true")
            .overrideConfigKey("quarkus.schematic.offline", "true")
            .overrideConfigKey("quarkus.schematic.metrics.enabled", "false");

    @Inject
    SchematicService schematic;

    @Inject
    MeterRegistry registry;

    @Test
    void noMeters() {
        schematic.checkFlag("beta", Map.of("id", "acme"), null);

        assertThat(registry.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("schematic."));
    }
}
