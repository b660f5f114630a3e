package io.quarkiverse.schematic.runtime.sharedcache;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what went wrong with the shared cache, for the meters and the readiness check. Nothing here fails a check: a
 * problem turns a shared-cache read into a miss.
 */
public final class SharedCacheStatus {

    /** Why a shared-cache call did not help. */
    public enum Problem {
        /** No answer within {@code quarkus.schematic.cache.redis.timeout}. */
        TIMEOUT,
        /** Redis refused or could not be reached. */
        FAILURE,
        /** Redis answered something that is not a cached answer of this format: treated as a miss. */
        UNREADABLE;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final LongAdder[] counts = new LongAdder[Problem.values().length];
    private final AtomicLong lastFailureAt = new AtomicLong();
    private volatile Problem lastFailure;
    /** Whether the latest call timed out or failed; concurrent calls race harmlessly, the latest one wins. */
    private volatile boolean degraded;

    public SharedCacheStatus() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** Redis answered (a hit, a miss or a completed write). */
    public void succeeded() {
        if (degraded) {
            degraded = false;
        }
    }

    /**
     * A call did not help. A timeout or failure makes the cache degraded until Redis answers again; an unreadable value
     * came from a Redis that answers, so it is counted but degrades nothing.
     */
    public void failed(Problem problem) {
        counts[problem.ordinal()].increment();
        if (problem == Problem.UNREADABLE) {
            succeeded();
        } else {
            lastFailure = problem;
            lastFailureAt.set(System.currentTimeMillis());
            degraded = true;
        }
    }

    public long count(Problem problem) {
        return counts[problem.ordinal()].sum();
    }

    /** Whether the latest call to Redis timed out or failed. */
    public boolean degraded() {
        return degraded;
    }

    /** How the latest failed call failed, or {@code null}. */
    public Problem lastFailure() {
        return lastFailure;
    }

    /** Epoch millis of the latest failed call, {@code 0} if none. */
    public long lastFailureAt() {
        return lastFailureAt.get();
    }
}
