package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.schematic.CheckContext;
import io.quarkiverse.schematic.CompanyFlags;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.RuleType;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.runtime.SchematicCore;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The flag-check cache: hits make no request, keys ignore map order, entries expire and are bounded.
 */
class FlagCacheTest {

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            .overrideConfigKey("quarkus.schematic.cache.ttl", "400ms")
            .overrideConfigKey("quarkus.schematic.cache.max-size", "3")
            .overrideConfigKey("quarkus.schematic.max-retries", "0");

    @Inject
    SchematicService schematic;

    @Inject
    SchematicCore core;

    final WireMock stub = SchematicStub.client();

    @BeforeEach
    void reset() {
        stub.resetMappings();
        stub.resetRequests();
        core.flags().cache().clear();
    }

    private int checks(String flag) {
        return stub.find(postRequestedFor(urlPathEqualTo("/flags/" + flag + "/check"))).size();
    }

    @Test
    void secondIdenticalCheckIsServedFromTheCache() {
        SchematicStub.flag(stub, "beta", true);

        FlagCheck first = schematic.checkFlagDetails("beta", Map.of("id", "acme"), Map.of("email", "j@acme.com"));
        FlagCheck second = schematic.checkFlagDetails("beta", Map.of("id", "acme"), Map.of("email", "j@acme.com"));

        assertThat(first.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(second.source()).isEqualTo(FlagSource.CACHE);
        assertThat(second.value()).isTrue();
        assertThat(second.ruleId()).isEqualTo("rule_1");
        assertThat(checks("beta")).isEqualTo(1);
    }

    @Test
    void keyOrderDoesNotMatterButOtherKeysMiss() {
        SchematicStub.flag(stub, "beta", true);
        Map<String, String> company = new LinkedHashMap<>();
        company.put("id", "acme");
        company.put("region", "eu");
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("region", "eu");
        reversed.put("id", "acme");

        schematic.checkFlag("beta", company, Map.of("email", "a@acme.com"));
        assertThat(schematic.checkFlagDetails("beta", reversed, Map.of("email", "a@acme.com")).source())
                .isEqualTo(FlagSource.CACHE);
        assertThat(checks("beta")).isEqualTo(1);

        assertThat(schematic.checkFlagDetails("beta", reversed, Map.of("email", "b@acme.com")).source())
                .isEqualTo(FlagSource.REMOTE);
        assertThat(schematic.checkFlagDetails("beta", Map.of("id", "acme"), Map.of("email", "a@acme.com")).source())
                .isEqualTo(FlagSource.REMOTE);
        assertThat(checks("beta")).isEqualTo(3);
    }

    @Test
    void aCallerMutatingItsMapAfterwardsDoesNotCorruptTheCache() {
        SchematicStub.flag(stub, "beta", true);
        Map<String, String> company = new java.util.HashMap<>(Map.of("id", "acme"));

        schematic.checkFlag("beta", company, null);
        company.put("id", "other");

        assertThat(schematic.checkFlagDetails("beta", Map.of("id", "acme"), null).source()).isEqualTo(FlagSource.CACHE);
        assertThat(schematic.checkFlagDetails("beta", Map.of("id", "other"), null).source()).isEqualTo(FlagSource.REMOTE);
    }

    @Test
    void entriesExpireAfterTheTtl() {
        SchematicStub.flag(stub, "beta", true);

        schematic.checkFlag("beta", Map.of("id", "acme"), null);
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> schematic.checkFlagDetails("beta", Map.of("id", "acme"), null).source() == FlagSource.REMOTE);

        assertThat(checks("beta")).isEqualTo(2);
    }

    @Test
    void maxSizeEvicts() {
        SchematicStub.flag(stub, "beta", true);

        for (int i = 0; i < 10; i++) {
            schematic.checkFlag("beta", Map.of("id", "company-" + i), null);
        }

        assertThat(core.flags().cache().size()).isLessThanOrEqualTo(3);
    }

    @Test
    void failedChecksAreNotCached() {
        stub.register(post(urlPathEqualTo("/flags/beta/check")).willReturn(aResponse().withStatus(500)));

        assertThat(schematic.checkFlagDetails("beta", Map.of("id", "acme"), null).source()).isEqualTo(FlagSource.DEFAULT);
        SchematicStub.flag(stub, "beta", true);
        FlagCheck recovered = schematic.checkFlagDetails("beta", Map.of("id", "acme"), null);

        assertThat(recovered.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(recovered.value()).isTrue();
    }

    @Test
    void theEntitlementIsKeptOnACacheHit() {
        stub.register(post(urlPathEqualTo("/flags/api-calls/check")).willReturn(SchematicStub.json(
                SchematicStub.flagJsonWith("api-calls", true, "\"rule_type\":\"plan_entitlement\",\"entitlement\":{"
                        + "\"feature_id\":\"feat_1\",\"feature_key\":\"api-calls\",\"value_type\":\"numeric\","
                        + "\"allocation\":100,\"usage\":8,\"metric_period\":\"current_month\"}"))));

        FlagCheck first = schematic.checkFlagDetails("api-calls", Map.of("id", "acme"), null);
        FlagCheck second = schematic.checkFlagDetails("api-calls", Map.of("id", "acme"), null);

        assertThat(second.source()).isEqualTo(FlagSource.CACHE);
        assertThat(second.ruleType()).isEqualTo(RuleType.PLAN_ENTITLEMENT);
        assertThat(second.entitlement()).isEqualTo(first.entitlement());
        assertThat(second.entitlement().allocation()).isEqualTo(100);
        assertThat(second.entitlement().usage()).isEqualTo(8);
        assertThat(checks("api-calls")).isEqualTo(1);
    }

    @Test
    void preflightAnswersAreNeverServedFromOrStoredInTheCache() {
        // the stub answers a preflight with false, a plain check with true
        stub.register(post(urlPathEqualTo("/flags/exports/check")).willReturn(SchematicStub.json(
                SchematicStub.flagJson("exports", true))));
        stub.register(post(urlPathEqualTo("/flags/exports/check")).withRequestBody(matchingJsonPath("$.preflight"))
                .willReturn(SchematicStub.json(SchematicStub.flagJson("exports", false))));
        Map<String, String> acme = Map.of("id", "acme");

        FlagCheck preflightFirst = schematic.checkFlagDetails("exports", acme, null, Preflight.usage(500));
        FlagCheck plain = schematic.checkFlagDetails("exports", acme, null);
        FlagCheck plainAgain = schematic.checkFlagDetails("exports", acme, null);
        FlagCheck small = schematic.checkFlagDetails("exports", acme, null, Preflight.usage(5));
        FlagCheck large = schematic.checkFlagDetails("exports", acme, null, Preflight.usage(5_000));
        FlagCheck sameAgain = schematic.checkFlagDetails("exports", acme, null, Preflight.usage(5_000));
        FlagCheck plainAfter = schematic.checkFlagDetails("exports", acme, null);

        assertThat(preflightFirst.value()).isFalse();
        assertThat(preflightFirst.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(plain.value()).as("not answered from the preflight answer").isTrue();
        assertThat(plain.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(plainAgain.source()).isEqualTo(FlagSource.CACHE);
        assertThat(List.of(small, large, sameAgain)).allSatisfy(check -> {
            assertThat(check.value()).as("not answered from the cached plain answer").isFalse();
            assertThat(check.source()).isEqualTo(FlagSource.REMOTE);
        });
        // the plain answer may have expired by now (short ttl here): either way it is not a preflight's
        assertThat(plainAfter.value()).isTrue();
        assertThat(checks("exports")).isEqualTo(plainAfter.source() == FlagSource.CACHE ? 5 : 6);
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/exports/check"))
                .withRequestBody(equalToJson("{\"company\":{\"id\":\"acme\"},\"preflight\":{\"usage\":5}}")));
        stub.verifyThat(2, postRequestedFor(urlPathEqualTo("/flags/exports/check"))
                .withRequestBody(equalToJson("{\"company\":{\"id\":\"acme\"},\"preflight\":{\"usage\":5000}}")));
    }

    @Test
    void bulkContextsFillTheCacheEachForItsOwnKeys() {
        stub.register(post(urlPathEqualTo("/flags/check-bulk")).willReturn(SchematicStub.json("{\"data\":{\"data\":["
                + "{\"flags\":[" + SchematicStub.flagData("a", true) + "]},"
                + "{\"flags\":[" + SchematicStub.flagData("a", false) + "]}]},\"params\":{}}")));

        List<CompanyFlags> answers = schematic.checkFlagsBulk(List.of(CheckContext.company(Map.of("id", "acme")),
                CheckContext.of(Map.of("id", "globex"), Map.of("email", "hank@globex.com"))));

        assertThat(answers).extracting(answer -> answer.value("a")).containsExactly(true, false);
        FlagCheck acme = schematic.checkFlagDetails("a", Map.of("id", "acme"), null);
        FlagCheck globex = schematic.checkFlagDetails("a", Map.of("id", "globex"), Map.of("email", "hank@globex.com"));
        assertThat(acme.source()).isEqualTo(FlagSource.CACHE);
        assertThat(acme.value()).isTrue();
        assertThat(globex.source()).isEqualTo(FlagSource.CACHE);
        assertThat(globex.value()).isFalse();
        assertThat(checks("a")).isZero();
    }

    @Test
    void bulkCheckFillsTheCacheAndIsServedFromItWhenEveryFlagIsCached() {
        stub.register(post(urlPathEqualTo("/flags/check")).willReturn(SchematicStub.json("{\"data\":{\"flags\":["
                + SchematicStub.flagData("a", true) + "," + SchematicStub.flagData("b", false) + "]}}")));

        List<FlagCheck> first = schematic.checkFlags(List.of("a", "b"), Map.of("id", "acme"), null);
        List<FlagCheck> second = schematic.checkFlags(List.of("b", "a"), Map.of("id", "acme"), null);

        assertThat(first).extracting(FlagCheck::source).containsOnly(FlagSource.REMOTE);
        assertThat(second).extracting(FlagCheck::flag).containsExactly("b", "a");
        assertThat(second).extracting(FlagCheck::source).containsOnly(FlagSource.CACHE);
        assertThat(schematic.checkFlagDetails("a", Map.of("id", "acme"), null).source()).isEqualTo(FlagSource.CACHE);
        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/check")))).hasSize(1);

        schematic.checkFlags(List.of("a", "c"), Map.of("id", "acme"), null);
        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/check")))).hasSize(2);
    }
}
