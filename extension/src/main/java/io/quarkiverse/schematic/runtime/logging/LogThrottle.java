package io.quarkiverse.schematic.runtime.logging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one log line through per interval, from any number of threads, so that a condition that repeats on every call
 * (a refused key, a full buffer) is logged loudly without flooding the log.
 */
public final class LogThrottle {

    private final long intervalNanos;
    private final AtomicLong lastAllowed;

    public LogThrottle(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.lastAllowed = new AtomicLong(System.nanoTime() - intervalNanos);
    }

    /** Whether a line may be logged now: {@code true} at most once per interval, for one caller only. */
    public boolean allow() {
        long now = System.nanoTime();
        long last = lastAllowed.get();
        return now - last >= intervalNanos && lastAllowed.compareAndSet(last, now);
    }

    /** The condition cleared: the next {@link #allow()} passes at once, so a new occurrence is logged. */
    public void reset() {
        lastAllowed.set(System.nanoTime() - intervalNanos);
    }
}
