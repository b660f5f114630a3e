package io.quarkiverse.schematic.runtime;

import java.util.List;

import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.OfflineEventListener;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.client.IdentifyBody;
import io.quarkiverse.schematic.runtime.client.TrackBody;
import io.quarkiverse.schematic.runtime.events.EventOptions;
import io.quarkiverse.schematic.runtime.events.PendingEvent;

/**
 * Wire bodies and delivery options of the public event types, and back (offline mode shows listeners what the
 * application built).
 */
final class EventBodies {

    private EventBodies() {
    }

    static IdentifyBody of(Identify identify) {
        IdentifyBody.CompanyBody company = identify.companyKeys().isEmpty() ? null
                : new IdentifyBody.CompanyBody(identify.companyKeys(), identify.companyName(), identify.companyTraits());
        return new IdentifyBody(identify.keys(), identify.name(), identify.traits(), company);
    }

    static EventOptions options(Identify identify) {
        return identify.idempotencyKey() == null ? EventOptions.NONE
                : new EventOptions(identify.idempotencyKey(), null, false, false);
    }

    /** Tells the listeners about an event offline mode drops, as the public value the application built. */
    static void replay(PendingEvent event, List<OfflineEventListener> listeners) {
        if (event.body() instanceof TrackBody track) {
            Track replayed = track(track, event.options());
            listeners.forEach(listener -> listener.tracked(replayed));
        } else if (event.body() instanceof IdentifyBody identify) {
            Identify replayed = identify(identify, event.options());
            listeners.forEach(listener -> listener.identified(replayed));
        }
    }

    private static Track track(TrackBody body, EventOptions options) {
        Track track = Track.event(body.event()).company(body.company()).user(body.user()).traits(body.traits())
                .trustedClientClock(options.trustedClientClock()).backfill(options.backfill());
        if (body.quantity() != null) {
            track = track.quantity(body.quantity());
        }
        if (options.idempotencyKey() != null) {
            track = track.idempotencyKey(options.idempotencyKey());
        }
        return options.sentAt() == null ? track : track.sentAt(options.sentAt());
    }

    private static Identify identify(IdentifyBody body, EventOptions options) {
        Identify identify = Identify.user(body.keys()).traits(body.traits());
        if (body.name() != null) {
            identify = identify.name(body.name());
        }
        if (options.idempotencyKey() != null) {
            identify = identify.idempotencyKey(options.idempotencyKey());
        }
        IdentifyBody.CompanyBody company = body.company();
        return company == null ? identify : identify.company(company.keys(), company.name(), company.traits());
    }

    /**
     * @throws IllegalArgumentException if the event has neither company nor user keys
     */
    static TrackBody of(Track track) {
        if (track.company().isEmpty() && track.user().isEmpty()) {
            throw new IllegalArgumentException("track event '" + track.event() + "' needs company or user keys");
        }
        Long quantity = track.quantity().isPresent() ? track.quantity().getAsLong() : null;
        return new TrackBody(track.event(), track.company(), track.user(), track.traits(), quantity);
    }

    /**
     * @throws IllegalArgumentException for a backfill without a trusted client clock, which Schematic cannot place in
     *         time
     */
    static EventOptions options(Track track) {
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
}
