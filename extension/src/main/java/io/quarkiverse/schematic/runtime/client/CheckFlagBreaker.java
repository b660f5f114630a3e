package io.quarkiverse.schematic.runtime.client;

import java.time.Duration;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.quarkiverse.schematic.SchematicUnavailableException;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * What the circuit breaker of {@link SchematicApi#checkFlag} would answer right now, read without entering Fault
 * Tolerance: while it is open and its delay has not passed, Fault Tolerance refuses every call with a
 * {@link CircuitBreakerOpenException}, so a flag check can answer its default at once instead of building a request
 * and a Fault Tolerance pipeline only to be refused (microseconds and kilobytes per check during an outage).
 * <p>
 * It mirrors the breaker through SmallRye Fault Tolerance's state-change callbacks ({@link CircuitBreakerMaintenance},
 * the breaker named {@value SchematicApi#CHECK_FLAG_BREAKER}). Once the delay has passed it says "closed" again, so the
 * next check goes through Fault Tolerance, which moves the breaker to half-open and lets the trial call through:
 * recovery works exactly as without the mirror. Without callbacks (the breaker disabled) it never refuses.
 */
public final class CheckFlagBreaker {

    /** A mirror that never refuses: every check goes through Fault Tolerance. */
    public static final CheckFlagBreaker NONE = new CheckFlagBreaker(Duration.ZERO, (operation, nanos, failure) -> {
    });

    private static final Logger LOG = Logger.getLogger(CheckFlagBreaker.class);
    private static final String OPERATION = "checkFlag";

    /**
     * What a refused check reports, made once: the same translation as a refusal by Fault Tolerance (message, type),
     * without a stack trace per check.
     */
    private static final SchematicUnavailableException REFUSED = (SchematicUnavailableException) Failures
            .translate(OPERATION, new CircuitBreakerOpenException());

    private final long delayNanos;
    private final ApiCallListener listener;
    private volatile long openedAtNanos;
    private volatile boolean open;

    private CheckFlagBreaker(Duration delay, ApiCallListener listener) {
        this.delayNanos = delay.toNanos();
        this.listener = listener;
    }

    /**
     * Follows the breaker of {@code checkFlag}.
     *
     * @param delay how long the breaker stays open ({@code quarkus.schematic.circuit-breaker.delay})
     * @param listener told about each refused check, as it is told about the calls Fault Tolerance refuses
     */
    public static CheckFlagBreaker follow(CircuitBreakerMaintenance breakers, Duration delay, ApiCallListener listener) {
        CheckFlagBreaker mirror = new CheckFlagBreaker(delay, listener);
        try {
            breakers.onStateChange(SchematicApi.CHECK_FLAG_BREAKER, mirror::changed);
        } catch (RuntimeException unknown) {
            // no breaker of that name (Fault Tolerance or its breaker disabled): every check goes through Fault Tolerance
            LOG.debugf("Not following the circuit breaker of checkFlag: %s", unknown.getMessage());
            return NONE;
        }
        return mirror;
    }

    private void changed(CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            openedAtNanos = System.nanoTime();
            open = true;
        } else {
            open = false;
        }
    }

    /** Whether Fault Tolerance would refuse a check now. Reads two fields; allocates nothing. */
    public boolean refuses() {
        return open && System.nanoTime() - openedAtNanos < delayNanos;
    }

    /** Reports a check answered without Schematic because the breaker is open; returns why, for the answer. */
    public SchematicUnavailableException refused() {
        listener.completed(OPERATION, 0, REFUSED);
        return REFUSED;
    }
}
