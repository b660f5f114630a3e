package io.quarkiverse.schematic.deployment.devservices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The idempotency keys of the events the dev service received, so that it drops a repeat as Schematic's capture
 * service does: for 24 hours, and for at most {@value #MAX_KEYS} keys (the oldest are forgotten first).
 */
final class DevIdempotencyKeys {

    static final Duration WINDOW = Duration.ofHours(24);
    static final int MAX_KEYS = 100_000;

    private final Clock clock;
    /** Keys in the order they were first seen, with when. */
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    DevIdempotencyKeys(Clock clock) {
        this.clock = clock;
    }

    /** Whether an event with this key is new ({@code null}: an event without a key always is), remembering it. */
    synchronized boolean firstTime(String key) {
        if (key == null) {
            return true;
        }
        Instant now = clock.instant();
        forgetOlderThan(now.minus(WINDOW));
        if (seen.containsKey(key)) {
            return false;
        }
        if (seen.size() == MAX_KEYS) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        seen.put(key, now);
        return true;
    }

    private void forgetOlderThan(Instant limit) {
        Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
        while (entries.hasNext() && entries.next().getValue().isBefore(limit)) {
            entries.remove();
        }
    }
}
