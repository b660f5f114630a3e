package io.quarkiverse.schematic.runtime.devui;

import io.quarkiverse.schematic.runtime.config.SchematicConfig;

/**
 * What the in-process dev service (deployment module) and the Dev UI service (runtime module) agree on. The two run
 * in different class loaders, so they share these constants and talk over HTTP, never through objects.
 */
public final class DevServiceProtocol {

    /**
     * API key the dev service hands to the application. Not a secret, but treated like one: the Dev UI only says
     * that it is the dev service key. It also tells the Dev UI that the base URL is the dev service.
     */
    public static final String API_KEY = "sch_dev_service_local_only";

    /** Prefix of the admin endpoints the Dev UI uses; a real Schematic has no such path. */
    public static final String ADMIN = "/__dev";

    /** {@code GET}: configured flags with their current values; {@code PUT /{flag}} with {"value": bool}: toggle. */
    public static final String FLAGS = ADMIN + "/flags";

    /** {@code GET}: the flag checks the dev service answered, newest first. */
    public static final String CHECKS = ADMIN + "/checks";

    /** {@code GET}: the identify/track events the dev service received, newest first. */
    public static final String EVENTS = ADMIN + "/events";

    /** {@code GET}: upserted companies and users. */
    public static final String ENTITIES = ADMIN + "/entities";

    /**
     * {@code GET}: the metered features with each company's usage; {@code DELETE}: forget all usage;
     * {@code DELETE /{feature}}: forget the usage of one feature.
     */
    public static final String USAGE = ADMIN + "/usage";

    private DevServiceProtocol() {
    }

    /** Whether the application talks to the dev service: it uses the key only the dev service hands out. */
    public static boolean inUse(SchematicConfig config) {
        return !config.offline() && config.apiKey().filter(API_KEY::equals).isPresent();
    }
}
