package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.schematic.AccessToken;
import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.EntitlementValueType;
import io.quarkiverse.schematic.FeatureUsage;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.MetricPeriod;
import io.quarkiverse.schematic.MonthReset;
import io.quarkiverse.schematic.SchematicAccounts;
import io.quarkiverse.schematic.SchematicClientErrorException;
import io.quarkiverse.schematic.SchematicHttpException;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.User;
import io.quarkiverse.schematic.UserUpsert;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Each operation sends the documented request and reads the documented answer.
 */
class RestClientWireTest {

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            .overrideConfigKey("quarkus.schematic.cache.enabled", "false");

    static final String TOKEN = "tat_secret_0f1e2d3c4b5a69788796a5b4";

    @Inject
    SchematicService schematic;

    @Inject
    SchematicAccounts accounts;

    final WireMock stub = SchematicStub.client();

    @BeforeEach
    void reset() {
        stub.resetMappings();
        stub.resetRequests();
    }

    @Test
    void checkFlagPostsKeysWithApiKeyAndUserAgent() {
        SchematicStub.flag(stub, "new-dashboard", true);

        FlagCheck check = schematic.checkFlagDetails("new-dashboard", Map.of("id", "acme"),
                Map.of("email", "jane@acme.com"));

        assertThat(check).isEqualTo(new FlagCheck("new-dashboard", true, "Matched standard rule", "flag_1", "comp_1",
                "user_1", "rule_1", FlagSource.REMOTE, null));
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/new-dashboard/check"))
                .withHeader(SchematicStub.API_KEY_HEADER, equalTo(SchematicStub.API_KEY))
                .withHeader("User-Agent", matching("quarkus-schematic/.+"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("{\"company\":{\"id\":\"acme\"},\"user\":{\"email\":\"jane@acme.com\"}}")));
    }

    @Test
    void checkFlagWithoutKeysSendsEmptyBody() {
        SchematicStub.flag(stub, "beta", false);

        assertThat(schematic.checkFlag("beta")).isFalse();

        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/beta/check")).withRequestBody(equalToJson("{}")));
    }

    @Test
    void flagKeyIsUrlEncodedAsOnePathSegment() {
        stub.register(post(urlPathEqualTo("/flags/a%2Fb%20c/check")).willReturn(SchematicStub.json(
                SchematicStub.flagJson("a/b c", true))));

        assertThat(schematic.checkFlag("a/b c")).isTrue();
    }

    @Test
    void checkFlagsReturnsEveryFlag() {
        stub.register(post(urlPathEqualTo("/flags/check")).willReturn(SchematicStub.json("{\"data\":{\"flags\":["
                + SchematicStub.flagData("a", true) + "," + SchematicStub.flagData("b", false)
                + "],\"plan\":null},\"params\":{}}")));

        List<FlagCheck> all = schematic.checkFlags(Map.of("id", "acme"), null);

        assertThat(all).extracting(FlagCheck::flag, FlagCheck::value, FlagCheck::source)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a", true, FlagSource.REMOTE),
                        org.assertj.core.groups.Tuple.tuple("b", false, FlagSource.REMOTE));
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/check"))
                .withRequestBody(equalToJson("{\"company\":{\"id\":\"acme\"}}")));
    }

    @Test
    void upsertCompanySendsKeysNameTraitsAndReadsTheStoredCompany() {
        stub.register(post(urlPathEqualTo("/companies")).willReturn(SchematicStub.json("{\"data\":{"
                + "\"id\":\"comp_1\",\"name\":\"Acme Inc\",\"keys\":[{\"key\":\"id\",\"value\":\"acme\",\"id\":\"k1\"}],"
                + "\"traits\":{\"seats\":40},\"created_at\":\"2026-01-02T03:04:05Z\",\"updated_at\":\"2026-01-02T03:04:06Z\","
                + "\"user_count\":3,\"plans\":[]},\"params\":{}}")));

        Company company = schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme")).name("Acme Inc")
                .traits(Map.of("seats", 40)));

        assertThat(company.id()).isEqualTo("comp_1");
        assertThat(company.name()).isEqualTo("Acme Inc");
        assertThat(company.keys()).containsExactly(Map.entry("id", "acme"));
        assertThat(company.traits()).containsEntry("seats", 40);
        assertThat(company.createdAt()).isNotNull();
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/companies"))
                .withHeader(SchematicStub.API_KEY_HEADER, equalTo(SchematicStub.API_KEY))
                .withRequestBody(equalToJson("{\"keys\":{\"id\":\"acme\"},\"name\":\"Acme Inc\",\"traits\":{\"seats\":40}}")));
    }

    @Test
    void upsertUserSendsCompanyKeys() {
        stub.register(post(urlPathEqualTo("/users")).willReturn(SchematicStub.json("{\"data\":{"
                + "\"id\":\"user_1\",\"name\":\"Jane\",\"keys\":[{\"key\":\"email\",\"value\":\"jane@acme.com\"}]},"
                + "\"params\":{}}")));

        User user = schematic.upsertUser(UserUpsert.keys(Map.of("email", "jane@acme.com"))
                .company(Map.of("id", "acme")).name("Jane"));

        assertThat(user.id()).isEqualTo("user_1");
        assertThat(user.keys()).containsEntry("email", "jane@acme.com");
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/users")).withRequestBody(equalToJson(
                "{\"keys\":{\"email\":\"jane@acme.com\"},\"company\":{\"id\":\"acme\"},\"name\":\"Jane\"}")));
    }

    @Test
    void errorBodyAndStatusReachTheException() {
        stub.register(post(urlPathEqualTo("/companies")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"keys are required\"}")));

        assertThatThrownBy(() -> schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))))
                .isInstanceOf(SchematicClientErrorException.class)
                .satisfies(e -> {
                    SchematicHttpException http = (SchematicHttpException) e;
                    assertThat(http.statusCode()).isEqualTo(422);
                    assertThat(http.body()).isEqualTo("{\"error\":\"keys are required\"}");
                    assertThat(http.getMessage()).doesNotContain(SchematicStub.API_KEY);
                });
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/companies")));
    }

    // ---- account calls (SchematicAccounts): schematic-api.md section 13 ----

    @Test
    void issueAccessTokenPostsTheCompanyLookupAndReadsTokenAndExpiry() {
        stub.register(post(urlPathEqualTo("/temporary-access-tokens")).willReturn(SchematicStub.json("{\"data\":{"
                + "\"id\":\"tok_1\",\"token\":\"" + TOKEN + "\",\"resource_type\":\"company\","
                + "\"api_key_id\":\"api_1\",\"environment_id\":\"env_1\",\"expired_at\":\"2026-01-02T03:19:05Z\","
                + "\"created_at\":\"2026-01-02T03:04:05Z\",\"updated_at\":\"2026-01-02T03:04:05Z\"},"
                + "\"params\":{}}").withStatus(201)));

        AccessToken token = accounts.issueAccessToken(Map.of("id", "acme"));

        assertThat(token).isEqualTo(new AccessToken("tok_1", TOKEN, Instant.parse("2026-01-02T03:19:05Z"),
                Instant.parse("2026-01-02T03:04:05Z")));
        assertThat(token.toString()).doesNotContain(TOKEN).contains("tok_1", "2026-01-02T03:19:05Z");
        assertThat(token.isExpiredAt(Instant.parse("2026-01-02T03:19:04Z"))).isFalse();
        assertThat(token.isExpiredAt(Instant.parse("2026-01-02T03:19:05Z"))).isTrue();
        stub.verifyThat(1, postRequestedFor(urlEqualTo("/temporary-access-tokens"))
                .withHeader(SchematicStub.API_KEY_HEADER, equalTo(SchematicStub.API_KEY))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("{\"resource_type\":\"company\",\"lookup\":{\"id\":\"acme\"}}")));
    }

    @Test
    void featureUsageGetsByKeysQueryAndReadsEveryFigure() {
        stub.register(get(urlPathEqualTo("/usage-by-company")).willReturn(SchematicStub.json("{\"data\":{\"features\":["
                + "{\"access\":true,\"allocation_type\":\"numeric\",\"allocation\":10,\"usage\":8,\"soft_limit\":12,"
                + "\"percent_used\":80.0,\"is_unlimited\":false,\"period\":\"current_month\","
                + "\"month_reset\":\"billing_cycle\",\"metric_reset_at\":\"2026-02-01T00:00:00Z\","
                + "\"credit_total\":99.0,\"credit_used\":1.5,\"credit_remaining\":8.5,\"credit_consumption_rate\":0.5,"
                + "\"entitlement_id\":\"ent_1\",\"entitlement_type\":\"plan_entitlement\",\"overuse\":0,"
                + "\"feature\":{\"id\":\"feat_1\",\"name\":\"Seats\",\"event_subtype\":\"seat-added\","
                + "\"feature_type\":\"event\",\"flags\":[{\"id\":\"flag_1\",\"key\":\"seats\"}]},"
                + "\"plan\":{\"id\":\"plan_1\",\"name\":\"Pro\",\"plan_type\":\"plan\"}},"
                + "{\"access\":false,\"allocation_type\":\"unlimited\",\"entitlement_id\":\"ent_2\","
                + "\"entitlement_type\":\"company_override\",\"feature\":{\"id\":\"feat_2\",\"name\":\"Reports\","
                + "\"flags\":[]}}]},\"params\":{\"keys\":{\"id\":\"acme\"}}}")));

        List<FeatureUsage> usage = accounts.featureUsage(Map.of("id", "acme"));

        assertThat(usage).containsExactly(
                new FeatureUsage("feat_1", "seats", "Seats", "seat-added", true, EntitlementValueType.NUMERIC, 10L, 8L,
                        12L, 80.0, false, MetricPeriod.CURRENT_MONTH, MonthReset.BILLING_CYCLE,
                        Instant.parse("2026-02-01T00:00:00Z"), 1.5, 8.5, 0.5, "plan_1", "Pro"),
                new FeatureUsage("feat_2", null, "Reports", null, false, EntitlementValueType.UNLIMITED, null, null,
                        null, null, true, null, null, null, null, null, null, null, null));
        stub.verifyThat(1, getRequestedFor(urlEqualTo("/usage-by-company?keys%5Bid%5D=acme"))
                .withHeader(SchematicStub.API_KEY_HEADER, equalTo(SchematicStub.API_KEY))
                .withRequestBody(absent()));
    }

    @Test
    void keysQueryEncodesEveryNameAndValue() {
        stub.register(get(urlPathEqualTo("/usage-by-company")).willReturn(SchematicStub.json(
                "{\"data\":{\"features\":[]},\"params\":{}}")));
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("id", "a+b&c=d e%41/ü");
        keys.put("odd]key[", "x#y?z");

        assertThat(accounts.featureUsage(keys)).isEmpty();

        // the parameters' order is the map's: any order is the same query
        String url = stub.find(getRequestedFor(urlPathEqualTo("/usage-by-company"))).get(0).getUrl();
        assertThat(url).startsWith("/usage-by-company?");
        assertThat(url.substring(url.indexOf('?') + 1).split("&")).containsExactlyInAnyOrder(
                "keys%5Bid%5D=a%2Bb%26c%3Dd+e%2541%2F%C3%BC", "keys%5Bodd%5Dkey%5B%5D=x%23y%3Fz");
    }
}
