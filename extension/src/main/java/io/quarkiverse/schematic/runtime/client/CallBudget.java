package io.quarkiverse.schematic.runtime.client;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The retry budget of one logical call, passed along with every attempt of it. Fault Tolerance's {@code @Retry}
 * allows up to {@code quarkus.schematic.max-retries}; a per-request {@code RequestOptions.maxRetries} may lower that
 * for one call, and this object is how the attempts of that call know it.
 */
public final class CallBudget {

    private final int maxRetries;
    private final AtomicInteger attempts = new AtomicInteger();

    public CallBudget(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    /** Records the start of an attempt and returns its number, starting at 1. */
    int startAttempt() {
        return attempts.incrementAndGet();
    }

    /** Whether the attempt with this number may be followed by another. */
    boolean allowsRetryAfter(int attempt) {
        return attempt <= maxRetries;
    }

    /** Number of attempts started so far. */
    public int attempts() {
        return attempts.get();
    }

    @Override
    public String toString() {
        return "CallBudget[maxRetries=" + maxRetries + ", attempts=" + attempts + "]";
    }
}
