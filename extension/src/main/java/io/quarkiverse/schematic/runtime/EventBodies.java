package io.quarkiverse.schematic.runtime;

import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.client.IdentifyBody;
import io.quarkiverse.schematic.runtime.client.TrackBody;

/**
 * Wire bodies of the public event types.
 */
final class EventBodies {

    private EventBodies() {
    }

    static IdentifyBody of(Identify identify) {
        IdentifyBody.CompanyBody company = identify.companyKeys().isEmpty() ? null
                : new IdentifyBody.CompanyBody(identify.companyKeys(), identify.companyName(), identify.companyTraits());
        return new IdentifyBody(identify.keys(), identify.name(), identify.traits(), company);
    }

    static TrackBody of(Track track) {
        if (track.company().isEmpty() && track.user().isEmpty()) {
            throw new IllegalArgumentException("track event '" + track.event() + "' needs company or user keys");
        }
        Long quantity = track.quantity().isPresent() ? track.quantity().getAsLong() : null;
        return new TrackBody(track.event(), track.company(), track.user(), track.traits(), quantity);
    }
}
