package io.quarkiverse.schematic.runtime.flags;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

/**
 * Logs a fallback to a flag default at most once per flag per minute, so an outage does not flood the log.
 */
final class FallbackLog {

    private static final Logger LOG = Logger.getLogger(FallbackLog.class);
    private static final long INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();
    /** Bounds the memory of per-flag state if an application checks an unbounded set of flag keys. */
    static final int MAX_TRACKED_FLAGS = 10_000;

    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

    void fallback(String flag, boolean value, String error) {
        long now = System.nanoTime();
        Long last = lastLogged.get(flag);
        if (last != null && now - last < INTERVAL_NANOS) {
            return;
        }
        if (lastLogged.size() >= MAX_TRACKED_FLAGS) {
            lastLogged.clear();
        }
        lastLogged.put(flag, now);
        LOG.warnf("Flag '%s' answered with its default (%s): %s", flag, value, error);
    }
}
