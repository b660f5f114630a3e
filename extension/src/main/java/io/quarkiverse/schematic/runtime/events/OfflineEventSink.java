package io.quarkiverse.schematic.runtime.events;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Offline mode: events are accepted from the caller's point of view, counted as dropped, and never sent.
 */
public final class OfflineEventSink implements EventSink {

    private final LongAdder dropped = new LongAdder();

    @Override
    public boolean offer(String type, Object body) {
        dropped.increment();
        return false;
    }

    @Override
    public void flush(Duration timeout) {
        // nothing is ever queued
    }

    @Override
    public EventStats stats() {
        return new EventStats(0, 0, 0, dropped.sum(), 0, 0, 0);
    }

    @Override
    public void close() {
        // no resources
    }
}
