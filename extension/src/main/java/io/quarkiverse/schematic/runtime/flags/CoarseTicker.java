package io.quarkiverse.schematic.runtime.flags;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Ticker;

import io.vertx.core.Vertx;

/**
 * A clock for the caches' expiry: {@link System#nanoTime()} read by a Vert.x timer once per resolution rather than by
 * every lookup. A Caffeine cache with a TTL reads its clock on each hit, and on this kind of machine (a VM) that read
 * costs about as much as the rest of the hit (20 to 25 ns). Entries then expire up to one resolution early or late.
 * {@link #close()} cancels the timer (in dev mode Vert.x outlives the application).
 */
public final class CoarseTicker implements Ticker, AutoCloseable {

    /** The finest and coarsest resolutions {@link #forTtl} picks. */
    public static final Duration FINEST = Duration.ofMillis(10);
    public static final Duration COARSEST = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final long timer;
    private volatile long now = System.nanoTime();

    private CoarseTicker(Vertx vertx, Duration resolution) {
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(resolution.toMillis(), id -> now = System.nanoTime());
    }

    /** A clock advanced every {@code resolution}. */
    public static CoarseTicker every(Vertx vertx, Duration resolution) {
        return new CoarseTicker(vertx, resolution);
    }

    /**
     * A clock for entries that live {@code ttl}: advanced every 5 % of it (between 10 ms and a second), so that an
     * entry's life is off by at most 5 %.
     */
    public static CoarseTicker forTtl(Vertx vertx, Duration ttl) {
        return every(vertx, resolutionFor(ttl));
    }

    static Duration resolutionFor(Duration ttl) {
        Duration resolution = ttl.dividedBy(20);
        return resolution.compareTo(FINEST) < 0 ? FINEST : resolution.compareTo(COARSEST) > 0 ? COARSEST : resolution;
    }

    @Override
    public long read() {
        return now;
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
