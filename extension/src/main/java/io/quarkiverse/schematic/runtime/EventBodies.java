package io.quarkiverse.schematic.runtime;

import java.util.List;

import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.OfflineEventListener;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.client.IdentifyBody;
import io.quarkiverse.schematic.runtime.client.TrackBody;

/**
 * Wire bodies of the public event types, and back (offline mode shows listeners what the application built).
 */
final class EventBodies {

    private EventBodies() {
    }

    static IdentifyBody of(Identify identify) {
        IdentifyBody.CompanyBody company = identify.companyKeys().isEmpty() ? null
                : new IdentifyBody.CompanyBody(identify.companyKeys(), identify.companyName(), identify.companyTraits());
        return new IdentifyBody(identify.keys(), identify.name(), identify.traits(), company);
    }

    /** Tells the listeners about an event offline mode drops, as the public value the application built. */
    static void replay(Object body, List<OfflineEventListener> listeners) {
        if (body instanceof TrackBody track) {
            Track event = track(track);
            listeners.forEach(listener -> listener.tracked(event));
        } else if (body instanceof IdentifyBody identify) {
            Identify event = identify(identify);
            listeners.forEach(listener -> listener.identified(event));
        }
    }

    private static Track track(TrackBody body) {
        Track track = Track.event(body.event()).company(body.company()).user(body.user()).traits(body.traits());
        return body.quantity() == null ? track : track.quantity(body.quantity());
    }

    private static Identify identify(IdentifyBody body) {
        Identify identify = Identify.user(body.keys()).traits(body.traits());
        if (body.name() != null) {
            identify = identify.name(body.name());
        }
        IdentifyBody.CompanyBody company = body.company();
        return company == null ? identify : identify.company(company.keys(), company.name(), company.traits());
    }

    static TrackBody of(Track track) {
        if (track.company().isEmpty() && track.user().isEmpty()) {
            throw new IllegalArgumentException("track event '" + track.event() + "' needs company or user keys");
        }
        Long quantity = track.quantity().isPresent() ? track.quantity().getAsLong() : null;
        return new TrackBody(track.event(), track.company(), track.user(), track.traits(), quantity);
    }
}
