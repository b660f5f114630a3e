package io.quarkiverse.schematic.runtime.events;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Offline mode: events are accepted from the caller's point of view, shown to the observer (which passes them to the
 * {@code OfflineEventListener} beans), counted as dropped, and never sent.
 */
public final class OfflineEventSink implements EventSink {

    private final LongAdder dropped = new LongAdder();
    private final Consumer<PendingEvent> observer;

    /**
     * @param observer told about every event (type, body as offered, which for identify and track is the application's own
     *        event, and options) before it is dropped
     */
    public OfflineEventSink(Consumer<PendingEvent> observer) {
        this.observer = observer;
    }

    @Override
    public boolean offer(String type, Object body, EventOptions options) {
        dropped.increment();
        observer.accept(new PendingEvent(type, body, System.currentTimeMillis(), options));
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
