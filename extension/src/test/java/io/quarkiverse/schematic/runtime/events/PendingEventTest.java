package io.quarkiverse.schematic.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.client.CapturedEvent;
import io.quarkiverse.schematic.runtime.client.IdentifyBody;
import io.quarkiverse.schematic.runtime.client.TrackBody;

class PendingEventTest {

    private static final SentAtText SENT_AT = new SentAtText();

    @Test
    void aTrackIsCapturedAsItsWireBody() {
        Track track = Track.event("query-tokens").company(Map.of("id", "acme")).user(null).quantity(1500)
                .traits(Map.of("model", "large"));

        CapturedEvent captured = new PendingEvent("track", track, 0, EventOptions.NONE).captured("key", () -> "random",
                SENT_AT);

        assertThat(captured.body()).isEqualTo(
                new TrackBody("query-tokens", Map.of("id", "acme"), Map.of(), Map.of("model", "large"), 1500L));
        assertThat(captured.sentAt()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(captured.idempotencyKey()).isEqualTo("random");
    }

    @Test
    void aTrackWithoutQuantitySendsNone() {
        Track track = Track.event("login").user(Map.of("email", "jane@acme.com"));

        Object body = new PendingEvent("track", track, 0, EventOptions.NONE).captured("key", () -> "r", SENT_AT).body();

        assertThat(((TrackBody) body).quantity()).isNull();
    }

    @Test
    void anIdentifyWithoutCompanyKeysSendsNoCompany() {
        Identify identify = Identify.user(Map.of("email", "jane@acme.com")).name("Jane").company(null);

        Object body = new PendingEvent("identify", identify, 0, EventOptions.NONE).captured("key", () -> "r", SENT_AT)
                .body();

        assertThat(body).isEqualTo(new IdentifyBody(Map.of("email", "jane@acme.com"), "Jane", Map.of(), null));
    }

    @Test
    void anIdentifyWithACompanySendsItsNameAndTraits() {
        Identify identify = Identify.user(Map.of("email", "jane@acme.com")).company(Map.of("id", "acme"), "Acme Inc",
                Map.of("seats", 40));

        Object body = new PendingEvent("identify", identify, 0, EventOptions.NONE).captured("key", () -> "r", SENT_AT)
                .body();

        assertThat(((IdentifyBody) body).company()).isEqualTo(
                new IdentifyBody.CompanyBody(Map.of("id", "acme"), "Acme Inc", Map.of("seats", 40)));
    }

    @Test
    void otherBodiesGoOutAsTheyAre() {
        Map<String, Object> flagCheck = Map.of("flag_key", "f");

        Object body = new PendingEvent("flag_check", flagCheck, 0, EventOptions.NONE).captured("key", () -> "r",
                SENT_AT).body();

        assertThat(body).isSameAs(flagCheck);
    }

    @Test
    void theCallersOptionsWinOverTheRandomKeyAndTheAcceptanceTime() {
        AtomicInteger drawn = new AtomicInteger();
        Supplier<String> randomKeys = () -> "random-" + drawn.incrementAndGet();
        Track track = Track.event("api-call").company(Map.of("id", "acme"));
        EventOptions options = new EventOptions("req-1", Instant.parse("2026-01-02T03:04:05Z"), true, true);

        CapturedEvent captured = new PendingEvent("track", track, 0, options).captured("key", randomKeys, SENT_AT);

        assertThat(captured.idempotencyKey()).isEqualTo("req-1");
        assertThat(captured.sentAt()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(captured.trustedClientClock()).isTrue();
        assertThat(captured.backfill()).isTrue();
        assertThat(drawn).as("no random key drawn").hasValue(0);
    }
}
