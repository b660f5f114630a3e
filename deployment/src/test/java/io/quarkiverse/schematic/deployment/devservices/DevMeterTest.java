package io.quarkiverse.schematic.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.rules.RulesEntitlement;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The metering model of the dev service without a server: periods, per-company usage and allocations, and
 * configuration checks. What a check answers from them is the rules engine's (DevServiceDataStreamTest).
 */
class DevMeterTest {

    /** A Wednesday. */
    static final Instant NOW = Instant.parse("2026-11-18T15:30:00Z");

    @Test
    void periodsStartAndEndInUtc() {
        assertThat(DevMeter.periodStart(SchematicDevServicesConfig.Period.CURRENT_DAY, NOW))
                .isEqualTo("2026-11-18T00:00:00Z");
        assertThat(DevMeter.nextReset(SchematicDevServicesConfig.Period.CURRENT_DAY, NOW))
                .isEqualTo("2026-11-19T00:00:00Z");
        assertThat(DevMeter.periodStart(SchematicDevServicesConfig.Period.CURRENT_WEEK, NOW))
                .isEqualTo("2026-11-15T00:00:00Z");
        assertThat(DevMeter.nextReset(SchematicDevServicesConfig.Period.CURRENT_WEEK, NOW))
                .isEqualTo("2026-11-22T00:00:00Z");
        assertThat(DevMeter.periodStart(SchematicDevServicesConfig.Period.CURRENT_MONTH, NOW))
                .isEqualTo("2026-11-01T00:00:00Z");
        assertThat(DevMeter.nextReset(SchematicDevServicesConfig.Period.CURRENT_MONTH, NOW))
                .isEqualTo("2026-12-01T00:00:00Z");
        assertThat(DevMeter.nextReset(SchematicDevServicesConfig.Period.ALL_TIME, NOW)).isNull();
    }

    @Test
    void usageCountsPerCompanyInItsPeriodAgainstItsAllocation() {
        DevMeter meter = new DevMeter(DevFeatureSettings.of(Map.of("api-calls",
                feature(OptionalLong.of(2), Map.of("big-co", 100L), OptionalLong.empty()))),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Map<String, String> acme = Map.of("id", "acme");

        meter.tracked("api-calls", Map.of("id", "acme", "region", "eu"), null, NOW);
        meter.tracked("api-calls", acme, 5L, Instant.parse("2026-10-31T23:59:59Z"));
        meter.tracked("other", acme, 5L, NOW);

        assertThat(entitlement(meter, Map.of("region", "eu")).usage()).as("last month's event does not count")
                .isEqualTo(1);
        meter.tracked("api-calls", acme, null, NOW);
        RulesEntitlement two = entitlement(meter, acme);
        assertThat(two.usage()).isEqualTo(2);
        assertThat(two.allocation()).isEqualTo(2);
        assertThat(entitlement(meter, Map.of("id", "big-co")).allocation()).isEqualTo(100);
        assertThat(entitlement(meter, Map.of("id", "fresh-co")).usage()).isZero();

        meter.reset("api-calls");
        assertThat(entitlement(meter, acme).usage()).isZero();
    }

    private static RulesEntitlement entitlement(DevMeter meter, Map<String, String> company) {
        return meter.entitlements(company).values().iterator().next();
    }

    @Test
    void negativeFiguresAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> DevFeatureSettings.of(Map.of("api-calls",
                feature(OptionalLong.of(-1), Map.of(), OptionalLong.empty()))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("quarkus.schematic.devservices.features.\"api-calls\".allocation");
        assertThatThrownBy(() -> DevFeatureSettings.of(Map.of("api-calls",
                feature(OptionalLong.empty(), Map.of("acme", -5L), OptionalLong.empty()))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("quarkus.schematic.devservices.features.\"api-calls\".companies.\"acme\"");
        assertThatThrownBy(() -> DevFeatureSettings.of(Map.of("api-calls",
                feature(OptionalLong.empty(), Map.of(), OptionalLong.of(-3)))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("soft-limit");
    }

    private static SchematicDevServicesConfig.MeteredFeature feature(OptionalLong allocation,
            Map<String, Long> companies, OptionalLong softLimit) {
        return new SchematicDevServicesConfig.MeteredFeature() {
            @Override
            public OptionalLong allocation() {
                return allocation;
            }

            @Override
            public Map<String, Long> companies() {
                return companies;
            }

            @Override
            public Optional<String> eventName() {
                return Optional.empty();
            }

            @Override
            public SchematicDevServicesConfig.Period period() {
                return SchematicDevServicesConfig.Period.CURRENT_MONTH;
            }

            @Override
            public OptionalLong softLimit() {
                return softLimit;
            }
        };
    }
}
