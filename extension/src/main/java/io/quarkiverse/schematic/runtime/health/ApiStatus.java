package io.quarkiverse.schematic.runtime.health;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

import io.quarkiverse.schematic.runtime.client.ApiCallListener;
import io.quarkiverse.schematic.runtime.client.ApiOutcome;

/**
 * Remembers how the latest calls to Schematic ended, for the readiness check. One small immutable snapshot, replaced
 * per call: calls are network-bound, so this costs nothing noticeable.
 */
@Singleton
public class ApiStatus implements ApiCallListener {

    private final AtomicReference<Snapshot> latest = new AtomicReference<>(Snapshot.NONE);

    @Override
    public void completed(String operation, long durationNanos, Throwable failure) {
        ApiOutcome outcome = ApiOutcome.of(failure);
        long now = System.currentTimeMillis();
        long nanos = System.nanoTime();
        latest.updateAndGet(previous -> previous.after(outcome, now, nanos));
    }

    public Snapshot snapshot() {
        return latest.get();
    }

    /**
     * @param lastAnswerAt when Schematic last answered (success, or a 4xx refusal of the request: not of the API key),
     *        epoch millis, {@code 0} if never
     * @param lastFailureAt when a call last failed otherwise (the key refused included), epoch millis, {@code 0} if
     *        never
     * @param lastFailure how the latest call that reached for Schematic failed (a refusal by the open circuit
     *        breaker does not replace it: it is the cause worth reporting), or {@code null}
     * @param failuresSinceAnswer calls that failed since Schematic last answered
     * @param circuitOpenSeen whether the circuit breaker refused a call since Schematic last answered
     * @param circuitOpenSeenAtNanos {@link System#nanoTime()} of the latest such refusal
     */
    public record Snapshot(long lastAnswerAt, long lastFailureAt, ApiOutcome lastFailure, long failuresSinceAnswer,
            boolean circuitOpenSeen, long circuitOpenSeenAtNanos) {

        static final Snapshot NONE = new Snapshot(0, 0, null, 0, false, 0);

        Snapshot after(ApiOutcome outcome, long now, long nanos) {
            if (outcome == ApiOutcome.SUCCESS || outcome == ApiOutcome.CLIENT_ERROR) {
                return new Snapshot(now, lastFailureAt, lastFailure, 0, false, 0);
            }
            boolean open = outcome == ApiOutcome.CIRCUIT_OPEN;
            return new Snapshot(lastAnswerAt, now, open ? lastFailure : outcome, failuresSinceAnswer + 1,
                    circuitOpenSeen || open, open ? nanos : circuitOpenSeenAtNanos);
        }

        /**
         * Whether the breaker is (as far as calls tell) open: it refused a call within the last {@code delay}. Once
         * the delay has passed without calls the breaker lets a trial call through, so an older refusal says nothing:
         * reporting DOWN forever would keep a pod out of service with no traffic left to prove recovery.
         */
        public boolean circuitOpen(Duration delay) {
            return circuitOpenSeen && System.nanoTime() - circuitOpenSeenAtNanos < delay.toNanos();
        }
    }
}
