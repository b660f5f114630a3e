package io.quarkiverse.schematic.deployment;

import java.util.Optional;

import io.quarkiverse.schematic.runtime.health.ApiStatus;
import io.quarkiverse.schematic.runtime.health.SchematicHealthCheck;
import io.quarkiverse.schematic.runtime.metrics.DataStreamMeters;
import io.quarkiverse.schematic.runtime.metrics.EventMeters;
import io.quarkiverse.schematic.runtime.metrics.SchematicMetrics;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;

/**
 * The readiness check (with SmallRye Health) and the meters (with Micrometer). Their classes refer to those optional
 * libraries, so they become beans only when the application has the extension.
 */
class ObservabilityProcessor {

    @BuildStep
    void health(Capabilities capabilities, SchematicBuildTimeConfig config, BuildProducer<HealthBuildItem> checks,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH) && config.health().enabled()) {
            checks.produce(new HealthBuildItem(SchematicHealthCheck.class.getName(), true));
            beans.produce(AdditionalBeanBuildItem.unremovableOf(ApiStatus.class));
        }
    }

    @BuildStep
    void metrics(Optional<MetricsCapabilityBuildItem> metrics, SchematicBuildTimeConfig config,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (metrics.isPresent() && metrics.get().metricsSupported(MetricsFactory.MICROMETER)
                && config.metrics().enabled()) {
            beans.produce(AdditionalBeanBuildItem.builder()
                    .addBeanClasses(SchematicMetrics.class, EventMeters.class, DataStreamMeters.class)
                    .setUnremovable()
                    .build());
        }
    }
}
