package io.quarkiverse.schematic.runtime.datastream;

import java.time.Duration;

import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.events.EventOptions;
import io.quarkiverse.schematic.runtime.events.EventSink;
import io.quarkiverse.schematic.runtime.events.EventStats;

/**
 * The event sink of local evaluation: a {@code track} event with company keys that the buffer accepted also raises
 * the cached company's metrics of that event (by its quantity, 1 when it has none), so that a usage limit reacts at
 * once rather than when the DataStream sends the company again. Events the buffer drops raise nothing: Schematic will
 * never count them either.
 */
final class TrackedUsageSink implements EventSink {

    private final EventSink delegate;
    private final DataStreamClient dataStream;

    TrackedUsageSink(EventSink delegate, DataStreamClient dataStream) {
        this.delegate = delegate;
        this.dataStream = dataStream;
    }

    @Override
    public boolean offer(String type, Object body, EventOptions options) {
        boolean accepted = delegate.offer(type, body, options);
        // a backfill is historical usage: it does not count towards the current period
        if (accepted && !options.backfill() && body instanceof Track track && !track.company().isEmpty()) {
            dataStream.tracked(track.company(), track.event(), track.quantity().orElse(1));
        }
        return accepted;
    }

    @Override
    public void flush(Duration timeout) {
        delegate.flush(timeout);
    }

    @Override
    public EventStats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
