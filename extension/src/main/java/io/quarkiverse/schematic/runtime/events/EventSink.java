package io.quarkiverse.schematic.runtime.events;

import java.time.Duration;

/**
 * Where {@code identify} and {@code track} put their events.
 */
public interface EventSink extends AutoCloseable {

    /**
     * Accepts an event with the caller's delivery options without blocking; {@code false} when it was dropped. The
     * body is the application's {@code Track} or {@code Identify} as it built it (turned into its wire body on
     * delivery), or another event's wire body.
     */
    boolean offer(String type, Object body, EventOptions options);

    /** Waits (at most {@code timeout}) until every event accepted before the call is delivered or given up. */
    void flush(Duration timeout);

    EventStats stats();

    /** Delivers what is queued (within the configured shutdown timeout) and stops. */
    @Override
    void close();
}
