package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkiverse.schematic.AccessToken;
import io.quarkiverse.schematic.CheckContext;
import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.CompanyFlags;
import io.quarkiverse.schematic.CompanyPlan;
import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.CreditBalance;
import io.quarkiverse.schematic.Entitlement;
import io.quarkiverse.schematic.EntitlementValueType;
import io.quarkiverse.schematic.FeatureUsage;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.MetricPeriod;
import io.quarkiverse.schematic.MonthReset;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.RuleType;
import io.quarkiverse.schematic.SchematicAccounts;
import io.quarkiverse.schematic.SchematicClientErrorException;
import io.quarkiverse.schematic.SchematicConnectionException;
import io.quarkiverse.schematic.SchematicHttpException;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.TraitUpdate;
import io.quarkiverse.schematic.TrialStatus;
import io.quarkiverse.schematic.User;
import io.quarkiverse.schematic.UserUpsert;
import io.quarkiverse.schematic.WarningTier;
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
                "user_1", "rule_1", FlagSource.REMOTE, null, RuleType.STANDARD, null));
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
    void everyEntitlementFieldIsReadFromAFullAnswer() {
        stub.register(post(urlPathEqualTo("/flags/api-calls/check")).willReturn(SchematicStub.json(
                SchematicStub.flagJsonWith("api-calls", true, "\"rule_id\":\"rule_9\","
                        + "\"rule_type\":\"plan_entitlement\",\"entitlement\":{\"feature_id\":\"feat_1\","
                        + "\"feature_key\":\"api-calls\",\"value_type\":\"credit\",\"allocation\":1000,\"usage\":840,"
                        + "\"soft_limit\":800,\"event_name\":\"api-call\",\"event_subtype\":\"api-call-sub\","
                        + "\"metric_period\":\"current_month\",\"month_reset\":\"billing_cycle\","
                        + "\"metric_reset_at\":\"2026-12-15T08:30:00Z\",\"credit_id\":\"cred_ai\",\"credit_total\":500.5,"
                        + "\"credit_used\":120.25,\"credit_remaining\":380.25,\"credit_reserved\":10.5,"
                        + "\"credit_settled\":390.75,\"consumption_rate\":1.5,\"warning_tiers\":[{\"key\":\"80%\","
                        + "\"value\":800},{\"key\":\"95%\",\"value\":950}],\"a_future_field\":true},"
                        // the deprecated mirrors disagree on purpose: the entitlement object wins
                        + "\"feature_allocation\":1,\"feature_usage\":2,\"feature_usage_event\":\"old\""))));

        FlagCheck check = schematic.checkFlagDetails("api-calls", Map.of("id", "acme"), null);

        assertThat(check.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(check.ruleId()).isEqualTo("rule_9");
        assertThat(check.ruleType()).isEqualTo(RuleType.PLAN_ENTITLEMENT);
        assertThat(check.entitlement()).isEqualTo(new Entitlement("feat_1", "api-calls", EntitlementValueType.CREDIT,
                1000L, 840L, 800L, "api-call", "api-call-sub", MetricPeriod.CURRENT_MONTH, MonthReset.BILLING_CYCLE,
                Instant.parse("2026-12-15T08:30:00Z"), "cred_ai", 500.5, 120.25, 380.25, 10.5, 390.75, 1.5,
                List.of(new WarningTier("80%", 800), new WarningTier("95%", 950))));
        assertThat(check.entitlement().remaining()).hasValue(160);
        assertThat(check.entitlement().overSoftLimit()).isTrue();
    }

    @Test
    void anOlderAnswerWithOnlyTheDeprecatedFieldsStillCarriesTheFigures() {
        stub.register(post(urlPathEqualTo("/flags/api-calls/check")).willReturn(SchematicStub.json(
                SchematicStub.flagJsonWith("api-calls", false, "\"rule_type\":\"plan_entitlement_usage_exceeded\","
                        + "\"feature_allocation\":10,\"feature_usage\":12,\"feature_usage_event\":\"api-call\","
                        + "\"feature_usage_period\":\"current_day\","
                        + "\"feature_usage_reset_at\":\"2026-12-01T00:00:00+01:00\""))));

        FlagCheck check = schematic.checkFlagDetails("api-calls", Map.of("id", "acme"), null);

        assertThat(check.value()).isFalse();
        assertThat(check.ruleType()).isEqualTo(RuleType.PLAN_ENTITLEMENT_USAGE_EXCEEDED);
        assertThat(check.entitlement()).isEqualTo(new Entitlement(null, "api-calls", EntitlementValueType.UNKNOWN, 10L,
                12L, null, "api-call", null, MetricPeriod.CURRENT_DAY, null, Instant.parse("2026-11-30T23:00:00Z"),
                null, null, null, null, null, null, null, null));
        assertThat(check.entitlement().remaining()).hasValue(0);
    }

    @Test
    void unknownEnumValuesNeverFailACheck() {
        stub.register(post(urlPathEqualTo("/flags/api-calls/check")).willReturn(SchematicStub.json(
                SchematicStub.flagJsonWith("api-calls", true, "\"rule_type\":\"company_trial_override\","
                        + "\"entitlement\":{\"feature_id\":\"feat_1\",\"feature_key\":\"api-calls\","
                        + "\"value_type\":\"seats_v2\",\"metric_period\":\"current_decade\","
                        + "\"month_reset\":\"full_moon\"},\"feature_usage_reset_at\":\"not a time\""))));

        FlagCheck check = schematic.checkFlagDetails("api-calls", Map.of("id", "acme"), null);

        assertThat(check.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(check.value()).isTrue();
        assertThat(check.ruleType()).isEqualTo(RuleType.UNKNOWN);
        assertThat(check.entitlement().valueType()).isEqualTo(EntitlementValueType.UNKNOWN);
        assertThat(check.entitlement().metricPeriod()).isEqualTo(MetricPeriod.UNKNOWN);
        assertThat(check.entitlement().monthReset()).isEqualTo(MonthReset.UNKNOWN);
    }

    @Test
    void aPlainAnswerHasNoEntitlement() {
        SchematicStub.flag(stub, "beta", true);

        FlagCheck check = schematic.checkFlagDetails("beta", Map.of("id", "acme"), null);

        assertThat(check.entitlement()).isNull();
        assertThat(check.ruleType()).isEqualTo(RuleType.STANDARD);
    }

    @Test
    void preflightBodyIsExactlyTheDocumentedOne() {
        stub.register(post(urlPathEqualTo("/flags/exports/check")).willReturn(SchematicStub.json(
                SchematicStub.flagJson("exports", true))));

        FlagCheck check = schematic.checkFlagDetails("exports", Map.of("id", "acme"), Map.of("email", "jane@acme.com"),
                Preflight.usage(500).withEventUsage("export-rows", 500).withCreditCost("ai-credits", 2.5));
        schematic.checkFlag("exports", Map.of("id", "acme"), null, Preflight.usage(0));
        schematic.checkFlag("exports", Map.of("id", "acme"), null, Preflight.eventUsage("export-rows", 7));
        schematic.checkFlag("exports", Map.of("id", "acme"), null, Preflight.creditCost("ai-credits", 3));

        assertThat(check.source()).isEqualTo(FlagSource.REMOTE);
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/exports/check")).withRequestBody(equalToJson(
                "{\"company\":{\"id\":\"acme\"},\"user\":{\"email\":\"jane@acme.com\"},\"preflight\":{\"usage\":500,"
                        + "\"event_usage\":{\"event_subtype\":\"export-rows\",\"quantity\":500},"
                        + "\"credit_cost\":{\"ai-credits\":2.5}}}")));
        // each field only when set; a usage of 0 is a given usage
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/exports/check")).withRequestBody(equalToJson(
                "{\"company\":{\"id\":\"acme\"},\"preflight\":{\"usage\":0}}")));
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/exports/check")).withRequestBody(equalToJson(
                "{\"company\":{\"id\":\"acme\"},\"preflight\":{\"event_usage\":{\"event_subtype\":\"export-rows\","
                        + "\"quantity\":7}}}")));
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/exports/check")).withRequestBody(equalToJson(
                "{\"company\":{\"id\":\"acme\"},\"preflight\":{\"credit_cost\":{\"ai-credits\":3.0}}}")));
        assertThatThrownBy(() -> schematic.checkFlag("exports", Map.of("id", "acme"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preflight");
        assertThatThrownBy(() -> Preflight.usage(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usage");
    }

    @Test
    void checkFlagsDetailsCarriesThePlanAndCreditBalances() {
        stub.register(post(urlPathEqualTo("/flags/check")).willReturn(SchematicStub.json("{\"data\":{\"flags\":["
                + SchematicStub.flagData("a", true) + "],\"plan\":{\"id\":\"plan_pro\",\"name\":\"Pro\","
                + "\"trial_end_date\":\"2026-12-24T00:00:00Z\",\"trial_status\":\"active\"},\"credit_balances\":{"
                + "\"cred_ai\":{\"remaining\":42.5,\"reserved\":7.5,\"settled\":50.0,\"currency\":\"x\"}}},\"params\":{}}")));

        CompanyFlags answer = schematic.checkFlagsDetails(Map.of("id", "acme"), null);

        assertThat(answer.flags()).extracting(FlagCheck::flag).containsExactly("a");
        assertThat(answer.value("a")).isTrue();
        assertThat(answer.flag("missing")).isEmpty();
        assertThat(answer.plan()).isEqualTo(new CompanyPlan("plan_pro", "Pro", Instant.parse("2026-12-24T00:00:00Z"),
                TrialStatus.ACTIVE));
        assertThat(answer.creditBalances()).containsExactly(Map.entry("cred_ai", new CreditBalance(42.5, 7.5, 50.0)));
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/check"))
                .withRequestBody(equalToJson("{\"company\":{\"id\":\"acme\"}}")));
    }

    @Test
    void bulkCheckOfOneContext() {
        List<CompanyFlags> answers = bulk("one", 1);

        assertThat(answers).hasSize(1);
        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/check-bulk")))).hasSize(1);
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/check-bulk")).withRequestBody(equalToJson(
                "{\"contexts\":[{\"company\":{\"id\":\"one-0\"},\"user\":{\"email\":\"one-0@x.com\"}}]}")));
    }

    @Test
    void bulkCheckOfAHundredContextsIsOneRequest() {
        bulk("hundred", 100);

        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/check-bulk")))).hasSize(1);
    }

    @Test
    void bulkCheckOf250ContextsIsThreeRequestsAnsweredInOrder() {
        bulk("many", 250);

        List<Integer> sizes = stub.find(postRequestedFor(urlPathEqualTo("/flags/check-bulk"))).stream()
                .map(request -> contextsOf(request).size()).sorted().toList();
        assertThat(sizes).containsExactly(50, 100, 100);
        assertThat(schematic.checkFlagsBulk(List.of())).isEmpty();
        assertThatThrownBy(() -> schematic.checkFlagsBulk(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contexts");
        assertThatThrownBy(() -> schematic.checkFlagsBulk(java.util.Arrays.asList(CheckContext.company(null), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contexts element");
    }

    /**
     * Checks {@code count} contexts named {@code <prefix>-<i>}; the stub answers each request by the first company it
     * carries, one answer per context whose reason names the context. Asserts that every answer is the one of its
     * context, and that every request carried at most 100 contexts, in order.
     */
    private List<CompanyFlags> bulk(String prefix, int count) {
        List<CheckContext> contexts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contexts.add(CheckContext.of(Map.of("id", prefix + "-" + i), Map.of("email", prefix + "-" + i + "@x.com")));
        }
        for (int from = 0; from < count; from += 100) {
            StringBuilder answers = new StringBuilder();
            for (int i = from; i < Math.min(count, from + 100); i++) {
                answers.append(i == from ? "" : ",").append("{\"flags\":[{\"flag\":\"beta\",\"value\":")
                        .append(i % 2 == 0).append(",\"reason\":\"").append(prefix).append('-').append(i)
                        .append("\"}],\"plan\":{\"id\":\"plan_").append(i).append("\",\"name\":\"Plan\"}}");
            }
            stub.register(post(urlPathEqualTo("/flags/check-bulk"))
                    .withRequestBody(matchingJsonPath("$.contexts[0].company.id", equalTo(prefix + "-" + from)))
                    .willReturn(SchematicStub.json("{\"data\":{\"data\":[" + answers + "]},\"params\":{}}")));
        }

        List<CompanyFlags> answers = schematic.checkFlagsBulk(contexts);

        assertThat(answers).hasSize(count);
        for (int i = 0; i < count; i++) {
            FlagCheck beta = answers.get(i).flag("beta").orElseThrow();
            assertThat(beta.reason()).isEqualTo(prefix + "-" + i);
            assertThat(beta.value()).isEqualTo(i % 2 == 0);
            assertThat(beta.source()).isEqualTo(FlagSource.REMOTE);
            assertThat(answers.get(i).plan().id()).isEqualTo("plan_" + i);
        }
        List<String> sent = new ArrayList<>();
        for (LoggedRequest request : stub.find(postRequestedFor(urlPathEqualTo("/flags/check-bulk")))) {
            List<JsonNode> requestContexts = contextsOf(request);
            assertThat(requestContexts).hasSizeLessThanOrEqualTo(100);
            requestContexts.forEach(context -> sent.add(context.get("company").get("id").asText()));
        }
        assertThat(sent).containsExactlyInAnyOrderElementsOf(
                contexts.stream().map(context -> context.company().get("id")).toList());
        return answers;
    }

    private static List<JsonNode> contextsOf(LoggedRequest request) {
        try {
            List<JsonNode> contexts = new ArrayList<>();
            new ObjectMapper().readTree(request.getBodyAsString()).get("contexts").forEach(contexts::add);
            return contexts;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void upsertCompanySendsKeysNameTraitsAndReadsTheStoredCompany() {
        stub.register(post(urlPathEqualTo("/companies")).willReturn(SchematicStub.json("{\"data\":{"
                + "\"id\":\"comp_1\",\"name\":\"Acme Inc\",\"keys\":[{\"key\":\"id\",\"value\":\"acme\",\"id\":\"k1\"}],"
                + "\"traits\":{\"seats\":40},\"created_at\":\"2026-01-02T03:04:05Z\","
                + "\"updated_at\":\"2026-01-02T05:04:06.123+02:00\",\"user_count\":3,\"plans\":[]},\"params\":{}}")));

        Company company = schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme")).name("Acme Inc")
                .traits(Map.of("seats", 40)));

        assertThat(company.id()).isEqualTo("comp_1");
        assertThat(company.name()).isEqualTo("Acme Inc");
        assertThat(company.keys()).containsExactly(Map.entry("id", "acme"));
        assertThat(company.traits()).containsEntry("seats", 40);
        assertThat(company.createdAt()).isEqualTo(OffsetDateTime.parse("2026-01-02T03:04:05Z"));
        // as Jackson's OffsetDateTime support gave it: the same instant, at offset UTC
        assertThat(company.updatedAt()).isEqualTo(OffsetDateTime.parse("2026-01-02T03:04:06.123Z"));
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/companies"))
                .withHeader(SchematicStub.API_KEY_HEADER, equalTo(SchematicStub.API_KEY))
                .withRequestBody(equalToJson("{\"keys\":{\"id\":\"acme\"},\"name\":\"Acme Inc\",\"traits\":{\"seats\":40}}")));
    }

    @Test
    void upsertCompanyWithAnAnswerWhoseTimestampIsNotOneFailsAsAnUnreadableAnswer() {
        stub.register(post(urlPathEqualTo("/companies")).willReturn(SchematicStub.json("{\"data\":{"
                + "\"id\":\"comp_1\",\"name\":\"Acme Inc\",\"created_at\":\"yesterday\"},\"params\":{}}")));

        assertThatThrownBy(() -> schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))))
                .isInstanceOf(SchematicConnectionException.class)
                .hasMessageContaining("could not be read");
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

    @Test
    void lookupCompanyGetsByKeysAndReadsTheCompany() {
        stub.register(get(urlPathEqualTo("/companies/lookup")).willReturn(SchematicStub.json("{\"data\":{"
                + "\"id\":\"comp_1\",\"name\":\"Acme Inc\",\"environment_id\":\"env_1\","
                + "\"keys\":[{\"key\":\"id\",\"value\":\"acme\",\"id\":\"k1\"}],\"traits\":{\"seats\":40},"
                + "\"created_at\":\"2026-01-02T03:04:05Z\",\"updated_at\":\"2026-01-02T03:04:06Z\",\"user_count\":3,"
                + "\"entitlements\":[],\"plans\":[]},\"params\":{\"keys\":{\"id\":\"acme\"}}}")));

        Optional<Company> company = accounts.lookupCompany(Map.of("id", "acme"));

        assertThat(company).hasValueSatisfying(found -> {
            assertThat(found.id()).isEqualTo("comp_1");
            assertThat(found.name()).isEqualTo("Acme Inc");
            assertThat(found.keys()).containsExactly(Map.entry("id", "acme"));
            assertThat(found.traits()).containsEntry("seats", 40);
            assertThat(found.updatedAt()).isEqualTo(OffsetDateTime.parse("2026-01-02T03:04:06Z"));
        });
        stub.verifyThat(1, getRequestedFor(urlEqualTo("/companies/lookup?keys%5Bid%5D=acme"))
                .withHeader(SchematicStub.API_KEY_HEADER, equalTo(SchematicStub.API_KEY)));
    }

    @Test
    void unknownCompanyOrUserIsEmptyNotAnError() {
        stub.register(any(anyUrl()).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Not found\"}")));

        assertThat(accounts.lookupCompany(Map.of("id", "nobody"))).isEmpty();
        assertThat(accounts.deleteCompany(Map.of("id", "nobody"))).isEmpty();
        assertThat(accounts.deleteUser(Map.of("email", "nobody@acme.com"))).isEmpty();
        // elsewhere a 404 is an error: usage of an unknown company, an update of an unknown company that must exist
        assertThatThrownBy(() -> accounts.featureUsage(Map.of("id", "nobody")))
                .isInstanceOf(SchematicClientErrorException.class)
                .satisfies(e -> assertThat(((SchematicHttpException) e).statusCode()).isEqualTo(404))
                .hasMessageContaining("featureUsage");
        assertThatThrownBy(() -> accounts.updateCompanyTrait(Map.of("id", "nobody"),
                TraitUpdate.increment("seats", 1).onlyExisting()))
                .isInstanceOf(SchematicClientErrorException.class);
        stub.verifyThat(1, getRequestedFor(urlEqualTo("/companies/lookup?keys%5Bid%5D=nobody")));
    }

    @Test
    void deleteCompanyAndUserPostTheirKeys() {
        stub.register(post(urlPathEqualTo("/companies/delete")).willReturn(SchematicStub.json("{\"data\":{"
                + "\"id\":\"comp_1\",\"name\":\"Acme Inc\",\"environment_id\":\"env_1\",\"logo_url\":null,"
                + "\"created_at\":\"2026-01-02T03:04:05Z\",\"updated_at\":\"2026-01-03T00:00:00Z\"},\"params\":{}}")));
        stub.register(post(urlPathEqualTo("/users/delete")).willReturn(SchematicStub.json("{\"data\":{"
                + "\"id\":\"user_1\",\"name\":\"Jane\",\"environment_id\":\"env_1\","
                + "\"created_at\":\"2026-01-02T03:04:05Z\",\"updated_at\":\"2026-01-03T00:00:00Z\"},\"params\":{}}")));

        Company company = accounts.deleteCompany(Map.of("id", "acme")).orElseThrow();
        User user = accounts.deleteUser(Map.of("email", "jane@acme.com")).orElseThrow();

        assertThat(company).isEqualTo(new Company("comp_1", "Acme Inc", Map.of(), Map.of(),
                OffsetDateTime.parse("2026-01-02T03:04:05Z"), OffsetDateTime.parse("2026-01-03T00:00:00Z")));
        assertThat(user.id()).isEqualTo("user_1");
        assertThat(user.name()).isEqualTo("Jane");
        stub.verifyThat(1, postRequestedFor(urlEqualTo("/companies/delete"))
                .withRequestBody(equalToJson("{\"keys\":{\"id\":\"acme\"}}")));
        stub.verifyThat(1, postRequestedFor(urlEqualTo("/users/delete"))
                .withRequestBody(equalToJson("{\"keys\":{\"email\":\"jane@acme.com\"}}")));
    }

    @Test
    void traitUpdatesPostSetOrIncrAndReadTheStoredEntity() {
        stub.register(post(urlPathEqualTo("/company-traits")).willReturn(SchematicStub.json("{\"data\":{"
                + "\"id\":\"comp_1\",\"name\":\"Acme Inc\",\"keys\":[{\"key\":\"id\",\"value\":\"acme\"}],"
                + "\"traits\":{\"seats\":9}},\"params\":{}}")));
        stub.register(post(urlPathEqualTo("/user-traits")).willReturn(SchematicStub.json("{\"data\":{"
                + "\"id\":\"user_1\",\"name\":\"Jane\",\"keys\":[{\"key\":\"email\",\"value\":\"jane@acme.com\"}],"
                + "\"traits\":{\"role\":\"admin\"},\"company_memberships\":[]},\"params\":{}}")));

        Company company = accounts.updateCompanyTrait(Map.of("id", "acme"), TraitUpdate.increment("seats", -1));
        accounts.updateCompanyTrait(Map.of("id", "acme"), TraitUpdate.set("tier", "gold").onlyExisting());
        User user = accounts.updateUserTrait(Map.of("email", "jane@acme.com"), TraitUpdate.set("role", "admin"));

        assertThat(company.traits()).containsEntry("seats", 9);
        assertThat(user.traits()).containsEntry("role", "admin");
        stub.verifyThat(2, postRequestedFor(urlEqualTo("/company-traits")));
        stub.verifyThat(1, postRequestedFor(urlEqualTo("/company-traits")).withRequestBody(equalToJson(
                "{\"keys\":{\"id\":\"acme\"},\"trait\":\"seats\",\"incr\":-1}")));
        stub.verifyThat(1, postRequestedFor(urlEqualTo("/company-traits")).withRequestBody(equalToJson(
                "{\"keys\":{\"id\":\"acme\"},\"trait\":\"tier\",\"set\":\"gold\",\"update_only\":true}")));
        stub.verifyThat(1, postRequestedFor(urlEqualTo("/user-traits")).withRequestBody(equalToJson(
                "{\"keys\":{\"email\":\"jane@acme.com\"},\"trait\":\"role\",\"set\":\"admin\"}")));
    }

    @Test
    void accountCallErrorsCarryStatusAndBody() {
        stub.register(post(urlPathEqualTo("/temporary-access-tokens")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Forbidden\"}")));

        assertThatThrownBy(() -> accounts.issueAccessToken(Map.of("id", "acme")))
                .isInstanceOf(SchematicClientErrorException.class)
                .hasMessageContaining("issueAccessToken")
                .satisfies(e -> {
                    SchematicHttpException http = (SchematicHttpException) e;
                    assertThat(http.statusCode()).isEqualTo(403);
                    assertThat(http.body()).isEqualTo("{\"error\":\"Forbidden\"}");
                });
    }

    @Test
    void answerWithoutTokenIsAnUnreadableAnswer() {
        stub.register(post(urlPathEqualTo("/temporary-access-tokens")).willReturn(SchematicStub.json(
                "{\"data\":{\"id\":\"tok_1\"},\"params\":{}}")));

        assertThatThrownBy(() -> accounts.issueAccessToken(Map.of("id", "acme")))
                .isInstanceOf(SchematicConnectionException.class).hasMessageContaining("no token");
    }

    @Test
    void badArgumentsFailAtTheCallBeforeAnyRequest() {
        Map<String, String> blankValue = new HashMap<>();
        blankValue.put("id", " ");
        assertThatThrownBy(() -> accounts.issueAccessToken(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("company must contain at least one key");
        assertThatThrownBy(() -> accounts.featureUsage(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("company must contain at least one key");
        assertThatThrownBy(() -> accounts.lookupCompany(blankValue)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("company key 'id' must not have a null or blank value");
        assertThatThrownBy(() -> accounts.deleteCompany(Map.of(" ", "acme"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("company must not contain a null or blank key name");
        assertThatThrownBy(() -> accounts.deleteUser(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user must contain at least one key");
        assertThatThrownBy(() -> accounts.updateCompanyTrait(Map.of("id", "acme"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("update must not be null");
        assertThatThrownBy(() -> accounts.updateUserTrait(null, TraitUpdate.set("role", "admin")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("user must contain at least one key");
        assertThatThrownBy(() -> accounts.withOptions(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("options must not be null");

        assertThat(stub.find(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
