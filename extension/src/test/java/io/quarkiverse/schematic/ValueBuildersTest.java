package io.quarkiverse.schematic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The public value builders compare by value (users' tests compare the events their code sent) and treat null or
 * empty key maps as "no keys", as flag checks do.
 */
class ValueBuildersTest {

    static final Map<String, String> ACME = Map.of("id", "acme");
    static final Map<String, String> JANE = Map.of("email", "jane@acme.com");

    @Test
    void trackComparesByValue() {
        Track track = Track.event("query-tokens").company(ACME).user(JANE).traits(Map.of("model", "x")).quantity(1500);
        Track same = Track.event("query-tokens").user(new HashMap<>(JANE)).company(new HashMap<>(ACME))
                .quantity(1500).traits(Map.of("model", "x"));

        assertThat(same).isEqualTo(track).hasSameHashCodeAs(track).hasToString(track.toString());
        assertThat(track).isNotEqualTo(track.quantity(1501))
                .isNotEqualTo(Track.event("query-tokens").company(ACME).user(JANE).traits(Map.of("model", "x")))
                .isNotEqualTo(Track.event("other").company(ACME).user(JANE).traits(Map.of("model", "x")).quantity(1500))
                .isNotEqualTo(null);
        assertThat(track.toString()).contains("query-tokens", "acme", "jane@acme.com", "1500");
    }

    @Test
    void trackTreatsNullOrEmptyKeysAsNoKeys() {
        Track anonymous = Track.event("x").company(ACME).user(null);
        assertThat(anonymous.user()).isEmpty();
        assertThat(anonymous.company()).isEqualTo(ACME);
        assertThat(Track.event("x").company(Map.of()).user(JANE).company()).isEmpty();
        assertThat(Track.event("x").company(null).user(null)).isEqualTo(Track.event("x"));
        assertThatThrownBy(() -> Track.event("x").user(Map.of("email", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user");
    }

    @Test
    void identifyComparesByValue() {
        Identify identify = Identify.user(JANE).name("Jane").traits(Map.of("role", "admin"))
                .company(ACME, "Acme Inc", Map.of("seats", 40));
        Identify same = Identify.user(new HashMap<>(JANE)).company(ACME, "Acme Inc", Map.of("seats", 40))
                .traits(Map.of("role", "admin")).name("Jane");

        assertThat(same).isEqualTo(identify).hasSameHashCodeAs(identify).hasToString(identify.toString());
        assertThat(identify).isNotEqualTo(identify.name("Janet"))
                .isNotEqualTo(identify.company(ACME, "Acme", Map.of("seats", 40)))
                .isNotEqualTo(identify.company(ACME, "Acme Inc", Map.of("seats", 41)));
        assertThat(Identify.user(JANE).company(null).companyKeys()).isEmpty();
        assertThat(Identify.user(JANE).company(Map.of(), "ignored", Map.of())).isNotNull();
        assertThatThrownBy(() -> Identify.user(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keys");
    }

    @Test
    void upsertsCompareByValue() {
        CompanyUpsert company = CompanyUpsert.keys(ACME).name("Acme Inc").traits(Map.of("seats", 40));
        assertThat(CompanyUpsert.keys(new HashMap<>(ACME)).traits(Map.of("seats", 40)).name("Acme Inc"))
                .isEqualTo(company).hasSameHashCodeAs(company).hasToString(company.toString());
        assertThat(company).isNotEqualTo(company.name("Acme")).isNotEqualTo(company.traits(Map.of()));

        UserUpsert user = UserUpsert.keys(JANE).company(ACME).name("Jane").traits(Map.of("role", "admin"));
        assertThat(UserUpsert.keys(JANE).name("Jane").company(ACME).traits(Map.of("role", "admin")))
                .isEqualTo(user).hasSameHashCodeAs(user).hasToString(user.toString());
        assertThat(user).isNotEqualTo(user.company(Map.of("id", "other"))).isNotEqualTo(user.name("Janet"));
        assertThat(UserUpsert.keys(JANE).company(null)).isEqualTo(UserUpsert.keys(JANE));
    }

    @Test
    void requestOptionsCompareByValue() {
        RequestOptions options = RequestOptions.timeout(Duration.ofSeconds(2)).maxRetries(0);
        assertThat(RequestOptions.defaults().maxRetries(0).withTimeout(Duration.ofMillis(2000)))
                .isEqualTo(options).hasSameHashCodeAs(options).hasToString(options.toString());
        assertThat(options).isNotEqualTo(options.maxRetries(1)).isNotEqualTo(RequestOptions.defaults());
        assertThat(options.toString()).contains("PT2S", "maxRetries=0");
    }

    @Test
    void traitUpdatesCompareByValueAndRejectBadInput() {
        TraitUpdate increment = TraitUpdate.increment("seats", -1);
        assertThat(TraitUpdate.increment("seats", -1)).isEqualTo(increment).hasSameHashCodeAs(increment)
                .hasToString(increment.toString());
        assertThat(increment.increment()).hasValue(-1);
        assertThat(increment.value()).isEmpty();
        assertThat(increment.isOnlyExisting()).isFalse();
        assertThat(increment.onlyExisting()).isNotEqualTo(increment)
                .satisfies(onlyExisting -> assertThat(onlyExisting.isOnlyExisting()).isTrue());

        TraitUpdate set = TraitUpdate.set("email", "jane@acme.com");
        assertThat(set.value()).hasValue("jane@acme.com");
        assertThat(set.increment()).isEmpty();
        assertThat(set).isNotEqualTo(TraitUpdate.set("email", "joe@acme.com")).isNotEqualTo(increment);
        // the value may be personal data: it stays out of toString, as traits stay out of the upserts'
        assertThat(set.toString()).contains("email").doesNotContain("jane@acme.com");
        assertThat(TraitUpdate.set("note", "").value()).hasValue("");

        assertThatThrownBy(() -> TraitUpdate.increment("seats", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("by must not be 0");
        assertThatThrownBy(() -> TraitUpdate.increment(" ", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trait must not be null or blank");
        assertThatThrownBy(() -> TraitUpdate.set(null, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trait must not be null or blank");
        assertThatThrownBy(() -> TraitUpdate.set("tier", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must not be null");
    }

    @Test
    void accessTokenNeverShowsItsToken() {
        AccessToken token = new AccessToken("tok_1", "tat_secret", Instant.parse("2026-01-02T03:19:05Z"), null);

        assertThat(token.toString()).doesNotContain("tat_secret").contains("tok_1", "2026-01-02T03:19:05Z");
        assertThat(token.isExpiredAt(Instant.parse("2026-01-02T03:19:04Z"))).isFalse();
        assertThat(token.isExpiredAt(Instant.parse("2026-01-02T03:19:05Z"))).isTrue();
    }
}
