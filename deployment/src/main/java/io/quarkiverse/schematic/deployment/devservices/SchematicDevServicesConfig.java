package io.quarkiverse.schematic.deployment.devservices;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.quarkiverse.schematic.MetricPeriod;
import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The Schematic dev service: a local, in-process stand-in for Schematic that runs in dev and test mode when no API key
 * is configured.
 */
@ConfigMapping(prefix = ConfigNames.PREFIX + ".devservices")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface SchematicDevServicesConfig {

    /**
     * Whether the dev service starts in dev and test mode when {@code quarkus.schematic.api-key} is not set and
     * {@code quarkus.schematic.offline} is not {@code true}.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * Value the dev service answers for a flag, e.g. {@code quarkus.schematic.devservices.flags."new-dashboard"=true}.
     * A flag that is not configured anywhere is unknown, as in Schematic: the check is answered 404, so the
     * application answers it with its {@code quarkus.schematic.flag-defaults} (else {@code false}).
     */
    @ConfigDocMapKey("flag-key")
    Map<String, Boolean> flags();

    /**
     * Flag values for one company, matched against any value of the company keys of a check, e.g.
     * {@code quarkus.schematic.devservices.companies."acme".flags."new-dashboard"=true}. They win over
     * {@code flags}.
     */
    @ConfigDocMapKey("company-key-value")
    Map<String, Overrides> companies();

    /**
     * Flag values for one user, matched against any value of the user keys of a check, e.g.
     * {@code quarkus.schematic.devservices.users."jane@acme.com".flags."new-dashboard"=true}. They win over
     * {@code companies} and {@code flags}.
     */
    @ConfigDocMapKey("user-key-value")
    Map<String, Overrides> users();

    /**
     * Metered features the dev service simulates per company, keyed by the feature's flag, e.g.
     * {@code quarkus.schematic.devservices.features."api-calls".allocation=100}: track events raise each company's
     * usage, checks for a company answer the entitlement (usage, allocation, next reset), and the flag turns
     * {@code false} once the usage reaches the allocation. The Dev UI shows and resets the usage.
     */
    @ConfigDocMapKey("flag-key")
    Map<String, MeteredFeature> features();

    /** A metered feature of the dev service. */
    interface MeteredFeature {

        /**
         * How much each company may use per period, e.g. {@code 100}. Without it the feature is unlimited: usage is
         * counted, the flag stays on.
         */
        OptionalLong allocation();

        /**
         * Allocation of one company, matched against any value of the company keys of a check or event, e.g.
         * {@code quarkus.schematic.devservices.features."api-calls".companies."acme"=1000}. It wins over
         * {@code allocation}.
         */
        @ConfigDocMapKey("company-key-value")
        Map<String, Long> companies();

        /**
         * The track event that meters the feature: each such event adds its quantity (1 without one) to its
         * company's usage. Defaults to the feature's flag key.
         */
        Optional<String> eventName();

        /**
         * The period usage is counted over: {@code all-time}, {@code current-day}, {@code current-week} or
         * {@code current-month}. Usage starts from zero again at the next midnight, Sunday midnight or first of the
         * month (UTC).
         */
        @WithDefault("current-month")
        Period period();

        /** Usage above which the entitlement reports it is over its soft limit. */
        OptionalLong softLimit();
    }

    /** The period a metered feature's usage is counted over. */
    enum Period {
        /** Usage never starts again. */
        ALL_TIME(MetricPeriod.ALL_TIME),
        /** Usage starts again every day at midnight UTC. */
        CURRENT_DAY(MetricPeriod.CURRENT_DAY),
        /** Usage starts again every Sunday at midnight UTC. */
        CURRENT_WEEK(MetricPeriod.CURRENT_WEEK),
        /** Usage starts again on the first of every month at midnight UTC. */
        CURRENT_MONTH(MetricPeriod.CURRENT_MONTH);

        private final MetricPeriod metricPeriod;

        Period(MetricPeriod metricPeriod) {
            this.metricPeriod = metricPeriod;
        }

        /** The same period in the extension's public API. */
        public MetricPeriod metricPeriod() {
            return metricPeriod;
        }
    }

    /** Flag values for one company or user. */
    interface Overrides {
        /**
         * Value of each flag for this company or user.
         */
        @ConfigDocMapKey("flag-key")
        Map<String, Boolean> flags();
    }
}
