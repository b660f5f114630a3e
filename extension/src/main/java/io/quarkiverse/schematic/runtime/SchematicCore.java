package io.quarkiverse.schematic.runtime;

import io.quarkiverse.schematic.runtime.client.SchematicApi;
import io.quarkiverse.schematic.runtime.events.EventSink;
import io.quarkiverse.schematic.runtime.flags.FlagEvaluator;

/**
 * The parts every view of the service shares, whatever its request options.
 *
 * @param api the REST client (never called in offline mode)
 * @param flags the flag evaluator
 * @param events where identify/track events go
 * @param offline whether the extension runs in offline mode
 * @param configuredMaxRetries {@code quarkus.schematic.max-retries}: the ceiling of per-request retries
 */
public record SchematicCore(SchematicApi api, FlagEvaluator flags, EventSink events, boolean offline,
        int configuredMaxRetries) {
}
