package io.quarkiverse.schematic.runtime.client;

import java.time.Duration;
import java.util.function.Function;

import io.quarkiverse.schematic.SchematicTimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * How one logical call to Schematic may behave: its retry budget and, when requested, a deadline for the whole
 * call (retries and backoff included).
 *
 * @param maxRetries retries allowed for the call, at most the configured {@code @Retry} limit
 * @param deadline deadline of the whole call, or {@code null} for none beyond the per-attempt timeout
 */
public record CallPolicy(int maxRetries, Duration deadline) {

    /**
     * Runs a call under this policy. The call is made on subscription, with a fresh budget each time.
     */
    public <T> Uni<T> run(String operation, Function<CallBudget, Uni<T>> call) {
        Uni<T> attempted = Uni.createFrom().deferred(() -> call.apply(new CallBudget(maxRetries)));
        if (deadline == null) {
            return attempted;
        }
        return attempted.ifNoItem().after(deadline)
                .failWith(() -> new SchematicTimeoutException(operation + " timed out after " + deadline, null));
    }
}
