package io.quarkiverse.schematic.runtime.datastream;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The clock the entity caches expire by: {@link System#nanoTime()} read by a timer once per {@link #RESOLUTION_MILLIS}
 * rather than by every lookup. A cache with a TTL reads its clock on each lookup, and that read cost about as much as
 * the rest of a memoized local check (25 ns of 55 on the benchmark machine); entities expire up to a second late
 * instead, against a TTL of hours by default.
 */
final class CoarseTicker implements Ticker {

    static final long RESOLUTION_MILLIS = 1000;

    private volatile long now = System.nanoTime();

    @Override
    public long read() {
        return now;
    }

    /** Called by the timer. */
    void advance() {
        now = System.nanoTime();
    }
}
