package io.quarkiverse.schematic.runtime.events;

import java.time.Instant;

/**
 * The delivery options of one event, which travel beside its body in the capture envelope.
 *
 * @param idempotencyKey the caller's key, or {@code null} for a random one chosen before the first send
 * @param sentAt the caller's event time, or {@code null} for the time the event was accepted
 * @param trustedClientClock whether Schematic takes {@code sentAt} as the event time
 * @param backfill whether the event records historical usage
 */
public record EventOptions(String idempotencyKey, Instant sentAt, boolean trustedClientClock, boolean backfill) {

    /** No option: the extension chooses the key and the time. */
    public static final EventOptions NONE = new EventOptions(null, null, false, false);
}
