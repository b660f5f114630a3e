package io.quarkiverse.schematic.runtime.events;

/**
 * Counters of the event buffer since start.
 *
 * @param queued events accepted and not yet delivered
 * @param accepted events accepted by {@code identify}/{@code track}
 * @param delivered events the capture service accepted
 * @param dropped events refused because the buffer was full or the extension is offline
 * @param failedSends batch sends that failed after their retries (their events stay queued)
 * @param rejected events Schematic refused with a 4xx status other than 408/429 (not retried)
 * @param lost events still queued when shutdown gave up
 */
public record EventStats(long queued, long accepted, long delivered, long dropped, long failedSends, long rejected,
        long lost) {
}
