package io.quarkiverse.schematic.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.client.TrackBody;

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
    void identifyWithoutCompanyKeysSendsNoCompany() {
        assertThat(EventBodies.of(Identify.user(Map.of("email", "jane@acme.com")).company(null)).company()).isNull();
    }
}
