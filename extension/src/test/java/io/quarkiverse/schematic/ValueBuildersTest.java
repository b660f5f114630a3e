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
    void traitsAreImmutableWhateverMapTheCallerPasses() {
        Map<String, Object> mutable = new HashMap<>();
        mutable.put("seats", 40);
        mutable.put("plan", null);
        Track track = Track.event("query-tokens").company(ACME).traits(mutable);
        mutable.put("seats", 41);
        assertThat(track.traits()).containsEntry("seats", 40).containsEntry("plan", null).hasSize(2);
        assertThatThrownBy(() -> track.traits().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);

        // the JDK's immutable maps are kept as they are: nothing to copy
        Map<String, Object> immutable = Map.of("seats", 40, "plan", "pro");
        assertThat(Track.event("query-tokens").company(ACME).traits(immutable).traits()).isSameAs(immutable);
        assertThat(Identify.user(JANE).traits(Map.of("role", "admin")).traits()).containsExactly(Map.entry("role", "admin"));
        assertThatThrownBy(() -> Track.event("e").traits(Map.of(" ", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("traits must not contain a null or blank trait name");
    }

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
    void blankMeansWhatStringIsBlankMeans() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (String text : new String[] { String.valueOf(c), c + "x", c + " ", " " + c, "\t" + c + "\u2003" }) {
                assertThat(Arguments.blank(text)).as("U+%04X in '%s'", (int) c, text).isEqualTo(text.isBlank());
            }
        }
        assertThat(Arguments.blank("")).isTrue();
        assertThatThrownBy(() -> Track.event("\u2003")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event must not be null or blank");
        assertThatThrownBy(() -> Track.event("e").company(Map.of("id", "\u3000 ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("company key 'id' must not have a null or blank value");
    }

    @Test
    void trackQuantityIsAbsentUntilGiven() {
        Track track = Track.event("api-call").company(ACME);

        assertThat(track.quantity()).isEmpty();
        assertThat(track.quantity(0).quantity()).hasValue(0);
        assertThat(track.quantity(Long.MAX_VALUE).quantity()).hasValue(Long.MAX_VALUE);
        assertThat(track.quantity(0)).isNotEqualTo(track);
        assertThat(track.toString()).contains("quantity=null");
        assertThatThrownBy(() -> track.quantity(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantity must not be negative, was -1");
    }

    @Test
    void trackOptionsCompareByValueAndRejectBadInput() {
        Instant at = Instant.parse("2026-10-01T12:00:00Z");
        Track track = Track.event("api-call").company(ACME).idempotencyKey("req-42").sentAt(at).trustedClientClock(true)
                .backfill(true);
        Track same = Track.event("api-call").backfill(true).trustedClientClock(true).sentAt(at).idempotencyKey("req-42")
                .company(ACME);

        assertThat(same).isEqualTo(track).hasSameHashCodeAs(track).hasToString(track.toString());
        assertThat(track.idempotencyKey()).isEqualTo("req-42");
        assertThat(track.sentAt()).isEqualTo(at);
        assertThat(track.trustedClientClock()).isTrue();
        assertThat(track.backfill()).isTrue();
        assertThat(track.toString()).contains("req-42", "2026-10-01T12:00:00Z", "trustedClientClock", "backfill");
        assertThat(track).isNotEqualTo(track.idempotencyKey("req-43")).isNotEqualTo(track.sentAt(at.plusSeconds(1)))
                .isNotEqualTo(track.backfill(false)).isNotEqualTo(track.trustedClientClock(false));
        Track plain = Track.event("api-call").company(ACME);
        assertThat(plain.idempotencyKey()).isNull();
        assertThat(plain.sentAt()).isNull();
        assertThat(plain.trustedClientClock()).isFalse();
        assertThat(plain.backfill()).isFalse();
        assertThat(plain.toString()).doesNotContain("idempotencyKey", "sentAt", "backfill");

        assertThatThrownBy(() -> plain.idempotencyKey(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idempotencyKey");
        assertThatThrownBy(() -> plain.sentAt(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sentAt");
    }

    @Test
    void identifyIdempotencyKeyComparesByValue() {
        Identify identify = Identify.user(JANE).idempotencyKey("signup-7").name("Jane");

        assertThat(identify).isEqualTo(Identify.user(JANE).name("Jane").idempotencyKey("signup-7"))
                .isNotEqualTo(Identify.user(JANE).name("Jane"));
        assertThat(identify.idempotencyKey()).isEqualTo("signup-7");
        assertThat(identify.toString()).contains("signup-7");
        assertThat(identify.company(ACME).idempotencyKey()).as("kept by later calls").isEqualTo("signup-7");
        assertThatThrownBy(() -> identify.idempotencyKey(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idempotencyKey");
    }

    @Test
    void checkContextTreatsNullAsNoKeysAndRejectsBlankKeys() {
        assertThat(CheckContext.company(ACME)).isEqualTo(new CheckContext(ACME, null));
        assertThat(CheckContext.user(JANE).company()).isEmpty();
        assertThat(CheckContext.of(ACME, JANE).user()).isEqualTo(JANE);
        assertThatThrownBy(() -> CheckContext.company(Map.of("id", " "))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("company");
    }

    @Test
    void entitlementFiguresForAUsagePage() {
        Entitlement metered = entitlement(EntitlementValueType.NUMERIC, 100L, 98L);

        assertThat(metered.remaining()).hasValue(2);
        assertThat(metered.fits(2)).isTrue();
        assertThat(metered.fits(3)).isFalse();
        assertThat(entitlement(EntitlementValueType.NUMERIC, 100L, 120L).remaining()).hasValue(0);
        assertThat(entitlement(EntitlementValueType.UNLIMITED, null, 5L).fits(1_000_000)).isTrue();
        assertThat(entitlement(EntitlementValueType.BOOLEAN, null, null).fits(1)).isFalse();
        assertThatThrownBy(() -> metered.fits(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantity");
        assertThat(metered.fits((Preflight) null)).as("one more use").isTrue();
        assertThat(metered.fits(Preflight.usage(2))).isTrue();
        assertThat(metered.fits(Preflight.usage(3))).isFalse();
        assertThat(metered.fits(Preflight.eventUsage("api-call", 3))).isFalse();
        assertThat(metered.fits(Preflight.eventUsage("other", 3))).as("another event adds nothing").isTrue();
        assertThat(entitlement(EntitlementValueType.NUMERIC, 100L, 100L).fits((Preflight) null)).isFalse();
    }

    private static Entitlement entitlement(EntitlementValueType type, Long allocation, Long usage) {
        return new Entitlement("feat_1", "api-calls", type, allocation, usage, null, "api-call", null,
                MetricPeriod.CURRENT_MONTH, MonthReset.FIRST_OF_MONTH, null, null, null, null, null, null, null, null,
                null);
    }

    @Test
    void preflightQuantityForAMeteredEvent() {
        assertThat(Preflight.usage(500).quantityFor("api-call")).isEqualTo(500);
        assertThat(Preflight.eventUsage("api-call", 7).quantityFor("api-call")).isEqualTo(7);
        assertThat(Preflight.eventUsage("api-call", 7).withUsage(3).quantityFor("export")).isEqualTo(3);
        assertThat(Preflight.creditCost("ai-credits", 2.5).quantityFor("api-call")).isZero();
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
