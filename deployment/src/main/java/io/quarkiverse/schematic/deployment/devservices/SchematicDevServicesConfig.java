package io.quarkiverse.schematic.deployment.devservices;

import java.util.Map;

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

    /** Flag values for one company or user. */
    interface Overrides {
        /**
         * Value of each flag for this company or user.
         */
        @ConfigDocMapKey("flag-key")
        Map<String, Boolean> flags();
    }
}
