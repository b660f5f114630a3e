package io.quarkiverse.schematic.runtime;

import java.util.List;

import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.OfflineEventListener;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.events.EventOptions;
import io.quarkiverse.schematic.runtime.events.PendingEvent;

/**
 * The public event types on their way into the buffer, which keeps them as the application built them: the checks
 * that must fail on the caller's thread, their delivery options, and the way back to offline listeners.
 */
final class PublicEvents {

    private PublicEvents() {
    }

    static EventOptions options(Identify identify) {
        return identify.idempotencyKey() == null ? EventOptions.NONE
                : new EventOptions(identify.idempotencyKey(), null, false, false);
    }

    /**
     * @throws IllegalArgumentException if the event has neither company nor user keys, or is a backfill without a
     *         trusted client clock, which Schematic cannot place in time
     */
    static EventOptions options(Track track) {
        if (track.company().isEmpty() && track.user().isEmpty()) {
            throw new IllegalArgumentException("track event '" + track.event() + "' needs company or user keys");
        }
        if (track.backfill() && !track.trustedClientClock()) {
            throw new IllegalArgumentException("track event '" + track.event() + "': backfill needs trustedClientClock"
                    + " (historical usage is counted at its sentAt time, which Schematic only takes from a trusted"
                    + " clock): add .trustedClientClock(true)");
        }
        if (track.idempotencyKey() == null && track.sentAt() == null && !track.trustedClientClock()) {
            return EventOptions.NONE;
        }
        return new EventOptions(track.idempotencyKey(), track.sentAt(), track.trustedClientClock(), track.backfill());
    }

    /** Tells the listeners about an event offline mode drops, as the public value the application built. */
    static void replay(PendingEvent event, List<OfflineEventListener> listeners) {
        if (event.body() instanceof Track track) {
            listeners.forEach(listener -> listener.tracked(track));
        } else if (event.body() instanceof Identify identify) {
            listeners.forEach(listener -> listener.identified(identify));
        }
    }
}
