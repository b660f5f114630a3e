package io.quarkiverse.schematic.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.OfflineEventListener;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.events.EventOptions;
import io.quarkiverse.schematic.runtime.events.PendingEvent;

class PublicEventsTest {

    @Test
    void trackWithoutCompanyOrUserKeysFailsNamingBoth() {
        assertThatThrownBy(() -> PublicEvents.options(Track.event("x").company(Map.of()).user(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("company").hasMessageContaining("user").hasMessageContaining("'x'");
    }

    @Test
    void backfillWithoutTrustedClockIsRejectedNamingBothFields() {
        Track backfill = Track.event("api-call").company(Map.of("id", "acme")).sentAt(Instant.EPOCH).backfill(true);

        assertThatThrownBy(() -> PublicEvents.options(backfill)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backfill").hasMessageContaining("trustedClientClock");
        assertThat(PublicEvents.options(backfill.trustedClientClock(true)))
                .isEqualTo(new EventOptions(null, Instant.EPOCH, true, true));
    }

    @Test
    void eventsWithoutOptionsShareTheEmptyOptions() {
        assertThat(PublicEvents.options(Track.event("x").company(Map.of("id", "acme")))).isSameAs(EventOptions.NONE);
        assertThat(PublicEvents.options(Identify.user(Map.of("email", "jane@acme.com")))).isSameAs(EventOptions.NONE);
        assertThat(PublicEvents.options(Identify.user(Map.of("email", "jane@acme.com")).idempotencyKey("k")))
                .isEqualTo(new EventOptions("k", null, false, false));
    }

    @Test
    void offlineListenersSeeTheEventsAsBuilt() {
        Track track = Track.event("api-call").company(Map.of("id", "acme")).quantity(3).idempotencyKey("req-1")
                .sentAt(Instant.EPOCH).trustedClientClock(true).backfill(true);
        Identify identify = Identify.user(Map.of("email", "jane@acme.com")).idempotencyKey("id-1");
        List<Object> seen = new ArrayList<>();
        OfflineEventListener listener = new OfflineEventListener() {
            @Override
            public void tracked(Track event) {
                seen.add(event);
            }

            @Override
            public void identified(Identify event) {
                seen.add(event);
            }
        };

        PublicEvents.replay(new PendingEvent("track", track, 0, PublicEvents.options(track)), List.of(listener));
        PublicEvents.replay(new PendingEvent("identify", identify, 0, PublicEvents.options(identify)),
                List.of(listener));

        assertThat(seen).containsExactly(track, identify);
    }
}
