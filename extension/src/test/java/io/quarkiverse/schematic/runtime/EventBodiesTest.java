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
import io.quarkiverse.schematic.runtime.client.TrackBody;
import io.quarkiverse.schematic.runtime.events.EventOptions;
import io.quarkiverse.schematic.runtime.events.PendingEvent;

class EventBodiesTest {

    @Test
    void anonymousUserWithCompanyIsSent() {
        TrackBody body = EventBodies.of(Track.event("x").company(Map.of("id", "acme")).user(null));

        assertThat(body.company()).containsEntry("id", "acme");
        assertThat(body.user()).isEmpty();
    }

    @Test
    void trackWithoutCompanyOrUserKeysFailsNamingBoth() {
        assertThatThrownBy(() -> EventBodies.of(Track.event("x").company(Map.of()).user(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("company").hasMessageContaining("user").hasMessageContaining("'x'");
    }

    @Test
    void backfillWithoutTrustedClockIsRejectedNamingBothFields() {
        Track backfill = Track.event("api-call").company(Map.of("id", "acme")).sentAt(Instant.EPOCH).backfill(true);

        assertThatThrownBy(() -> EventBodies.options(backfill)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backfill").hasMessageContaining("trustedClientClock");
        assertThat(EventBodies.options(backfill.trustedClientClock(true)))
                .isEqualTo(new EventOptions(null, Instant.EPOCH, true, true));
    }

    @Test
    void eventsWithoutOptionsShareTheEmptyOptions() {
        assertThat(EventBodies.options(Track.event("x").company(Map.of("id", "acme")))).isSameAs(EventOptions.NONE);
        assertThat(EventBodies.options(Identify.user(Map.of("email", "jane@acme.com")))).isSameAs(EventOptions.NONE);
        assertThat(EventBodies.options(Identify.user(Map.of("email", "jane@acme.com")).idempotencyKey("k")))
                .isEqualTo(new EventOptions("k", null, false, false));
    }

    @Test
    void offlineReplayKeepsTheOptions() {
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

        EventBodies.replay(new PendingEvent("track", EventBodies.of(track), 0, EventBodies.options(track)),
                List.of(listener));
        EventBodies.replay(new PendingEvent("identify", EventBodies.of(identify), 0, EventBodies.options(identify)),
                List.of(listener));

        assertThat(seen).containsExactly(track, identify);
    }

    @Test
    void identifyWithoutCompanyKeysSendsNoCompany() {
        assertThat(EventBodies.of(Identify.user(Map.of("email", "jane@acme.com")).company(null)).company()).isNull();
    }
}
