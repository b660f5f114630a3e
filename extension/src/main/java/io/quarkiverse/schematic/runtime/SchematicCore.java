package io.quarkiverse.schematic.runtime;

import java.util.function.Supplier;

import io.quarkiverse.schematic.SchematicOfflineException;
import io.quarkiverse.schematic.runtime.client.Failures;
import io.quarkiverse.schematic.runtime.client.SchematicApi;
import io.quarkiverse.schematic.runtime.context.CallerContexts;
import io.quarkiverse.schematic.runtime.events.EventSink;
import io.quarkiverse.schematic.runtime.flags.FlagEvaluator;
import io.smallrye.mutiny.Uni;

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
        int configuredMaxRetries, CallerContexts callers) {

    /**
     * A call that needs Schematic (upserts, account calls): fails with {@link SchematicOfflineException} in offline
     * mode, else makes the call and turns its failure into the public exception type.
     */
    public <T> Uni<T> remote(String operation, Supplier<Uni<T>> call) {
        if (offline) {
            return Uni.createFrom().failure(() -> new SchematicOfflineException(operation));
        }
        return call.get().onFailure().transform(failure -> Failures.translate(operation, failure));
    }
}
