package io.quarkiverse.schematic.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.FlagChanged;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.RuleType;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.rules.RulesEngine;
import io.quarkiverse.schematic.runtime.client.ClientHeaders;
import io.quarkiverse.schematic.runtime.datastream.LocalEvaluation;
import io.quarkiverse.schematic.runtime.devui.DevServiceProtocol;
import io.quarkiverse.schematic.runtime.devui.SchematicDevUiService;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With the dev service, local evaluation is on: the dev service serves a DataStream built from its configured flags
 * and overrides, local answers agree with its REST answers, and a flag toggled in the Dev UI reaches the application
 * through the DataStream as a {@link FlagChanged} event and in the next check. Metered features travel as company
 * usage, entitlements and rules, and follow track events and Dev UI resets; the REST API answers them from the same
 * rules with the same engine, so both agree on the wire.
 */
class DevServiceDataStreamTest {

    static final Map<String, String> ACME = Map.of("id", "acme");
    static final Map<String, String> JANE = Map.of("email", "jane@acme.com");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FlagChangeRecorder.class))
            .overrideConfigKey("quarkus.schematic.devservices.flags.\"beta\"", "true")
            .overrideConfigKey("quarkus.schematic.devservices.flags.\"gamma\"", "false")
            .overrideConfigKey("quarkus.schematic.devservices.companies.\"acme\".flags.\"beta\"", "false")
            .overrideConfigKey("quarkus.schematic.devservices.users.\"jane@acme.com\".flags.\"beta\"", "true")
            .overrideConfigKey("quarkus.schematic.devservices.features.\"api-calls\".allocation", "3")
            .overrideConfigKey("quarkus.schematic.devservices.features.\"api-calls\".event-name", "api-call")
            .overrideConfigKey("quarkus.schematic.devservices.features.\"api-calls\".companies.\"big-co\"", "1000")
            .overrideConfigKey("quarkus.schematic.events.flush-interval", "100ms");

    @Inject
    SchematicService schematic;

    @Inject
    SchematicDevUiService devUi;

    @Inject
    LocalEvaluation local;

    @BeforeEach
    void connected() {
        await().atMost(Duration.ofSeconds(10)).until(() -> local.status().connected() && local.status().flagsReceived());
    }

    @Test
    void localEvaluationIsOnAndConnectedToTheDevService() {
        assertThat(local.status().url()).startsWith("ws://127.0.0.1:").endsWith("/datastream");
        assertThat(local.status().flags()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void configuredValuesAndOverridesAnswerLocallyAsTheRestApiWould() {
        FlagCheck plain = schematic.checkFlagDetails("beta", Map.of(), Map.of());
        assertThat(plain.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(plain.value()).isTrue();

        FlagCheck acme = schematic.checkFlagDetails("beta", ACME, Map.of());
        assertThat(acme.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(acme.value()).as("company override").isFalse();
        assertThat(acme.companyId()).startsWith("comp_dev_");

        FlagCheck jane = schematic.checkFlagDetails("beta", ACME, JANE);
        assertThat(jane.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(jane.value()).as("a user override wins over a company override").isTrue();

        FlagCheck unknown = schematic.checkFlagDetails("never-configured", ACME, Map.of());
        // not in the DataStream: the REST API is asked, and the dev service does not know the flag either (404, as
        // Schematic), so the flag default answers
        assertThat(unknown.source()).isEqualTo(FlagSource.DEFAULT);
        assertThat(unknown.error()).contains("never-configured", "not configured in the dev service");
        assertThat(unknown.value()).isFalse();
    }

    @Test
    void aFlagToggledInTheDevUiReachesTheApplicationThroughTheDataStream() {
        assertThat(schematic.checkFlagDetails("gamma", Map.of(), Map.of()).value()).isFalse();

        devUi.setFlag("gamma", true);
        devUi.setFlag("delta", true);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(FlagChangeRecorder.sync())
                .contains(new FlagChanged("gamma", FlagChanged.Kind.CHANGED),
                        new FlagChanged("delta", FlagChanged.Kind.CREATED)));
        FlagCheck gamma = schematic.checkFlagDetails("gamma", Map.of(), Map.of());
        assertThat(gamma.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(gamma.value()).isTrue();
        assertThat(schematic.checkFlagDetails("delta", ACME, Map.of()).source()).isEqualTo(FlagSource.LOCAL);
        assertThat(FlagChangeRecorder.async()).contains(new FlagChanged("gamma", FlagChanged.Kind.CHANGED));
    }

    @Test
    void aMeteredFeatureAnswersLocallyAndFollowsTrackedUsageAndResets() {
        Map<String, String> company = Map.of("id", "metered-co");
        FlagCheck fresh = schematic.checkFlagDetails("api-calls", company, Map.of());
        assertThat(fresh.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(fresh.value()).isTrue();
        assertThat(fresh.ruleType()).isEqualTo(RuleType.PLAN_ENTITLEMENT);
        assertThat(fresh.entitlement().usage()).isZero();
        assertThat(fresh.entitlement().allocation()).isEqualTo(3L);
        assertThat(schematic.checkFlagDetails("api-calls", company, Map.of(), Preflight.usage(2)).value())
                .as("0 + 2 below 3").isTrue();

        schematic.track(Track.event("api-call").company(company).quantity(2));
        assertThat(schematic.checkFlag("api-calls", company, Map.of())).as("2 of 3: one more fits").isTrue();
        FlagCheck exactlyWhatIsLeft = schematic.checkFlagDetails("api-calls", company, Map.of(), Preflight.usage(1));
        assertThat(exactlyWhatIsLeft.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(exactlyWhatIsLeft.value()).as("2 + 1 is not below 3: the engine's rule, see dev-mode.md").isFalse();
        schematic.track(Track.event("api-call").company(company));

        FlagCheck usedUp = schematic.checkFlagDetails("api-calls", company, Map.of());
        assertThat(usedUp.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(usedUp.value()).as("3 of 3 used, at once after track").isFalse();
        assertThat(usedUp.ruleType()).isEqualTo(RuleType.PLAN_ENTITLEMENT_USAGE_EXCEEDED);
        assertThat(usedUp.entitlement().usage()).isEqualTo(3L);
        // the dev service counted the events too and pushed the company: the local answer stays the REST answer
        awaitDevServiceUsage(company, 3);
        FlagCheck afterPush = schematic.checkFlagDetails("api-calls", company, Map.of());
        assertThat(afterPush.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(afterPush.value()).isFalse();
        assertThat(afterPush.entitlement().usage()).isEqualTo(3L);

        devUi.resetUsage("api-calls");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            FlagCheck reset = schematic.checkFlagDetails("api-calls", company, Map.of());
            assertThat(reset.source()).isEqualTo(FlagSource.LOCAL);
            assertThat(reset.value()).as("true again after the reset").isTrue();
            assertThat(reset.entitlement().usage()).isZero();
        });
    }

    /**
     * The dev service's REST API and local evaluation give the same answer for the same state, as both evaluate the
     * same rules with the same engine: below, at and beyond the allocation, a preflight of exactly what is left, and
     * a check without company.
     */
    @Test
    void aMeteredFeatureAnswersOverRestAsLocally() {
        Map<String, String> company = Map.of("id", "agreeing-co");
        assertAgree(local(company, null), rest(company, null), true);
        assertAgree(local(company, 2L), rest(company, 2L), true);
        assertAgree(local(company, 3L), rest(company, 3L), false);

        schematic.track(Track.event("api-call").company(company).quantity(2));
        schematic.flush();
        awaitDevServiceUsage(company, 2);
        assertAgree(local(company, null), rest(company, null), true);
        assertAgree(local(company, 0L), rest(company, 0L), true);
        assertAgree(local(company, 1L), rest(company, 1L), false); // exactly what is left: 2 + 1 is not below 3

        schematic.track(Track.event("api-call").company(company));
        schematic.flush();
        awaitDevServiceUsage(company, 3);
        assertAgree(local(company, null), rest(company, null), false);

        schematic.track(Track.event("api-call").company(company).quantity(2));
        schematic.flush();
        awaitDevServiceUsage(company, 5);
        FlagCheck beyond = local(company, null);
        assertAgree(beyond, rest(company, null), false);
        assertThat(beyond.ruleType()).isEqualTo(RuleType.PLAN_ENTITLEMENT_USAGE_EXCEEDED);
        assertThat(beyond.entitlement().usage()).isEqualTo(5L);

        // a metered feature configured only as a feature exists: without company its default answers, not a 404
        FlagCheck withoutCompany = local(Map.of(), null);
        assertThat(withoutCompany.reason()).isEqualTo(RulesEngine.REASON_NO_RULES_MATCHED);
        assertAgree(withoutCompany, rest(Map.of(), null), false);
    }

    private FlagCheck local(Map<String, String> company, Long preflightUsage) {
        return preflightUsage == null ? schematic.checkFlagDetails("api-calls", company, Map.of())
                : schematic.checkFlagDetails("api-calls", company, Map.of(), Preflight.usage(preflightUsage));
    }

    /** The dev service's REST answer, straight from the wire. */
    private static Map<String, Object> rest(Map<String, String> company, Long preflightUsage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", company);
        body.put("user", Map.of());
        if (preflightUsage != null) {
            body.put("preflight", Map.of("usage", preflightUsage));
        }
        return given().baseUri(ConfigProvider.getConfig().getValue("quarkus.schematic.base-url", String.class))
                .header(ClientHeaders.API_KEY, DevServiceProtocol.API_KEY).contentType("application/json").body(body)
                .post("/flags/api-calls/check").then().statusCode(200).extract().jsonPath().getMap("data");
    }

    private static void assertAgree(FlagCheck local, Map<String, Object> rest, boolean expected) {
        assertThat(local.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(local.value()).isEqualTo(expected);
        assertThat(rest).containsEntry("value", expected).containsEntry("reason", local.reason())
                .containsEntry("flag_id", local.flagId()).containsEntry("company_id", local.companyId())
                .containsEntry("rule_id", local.ruleId())
                .containsEntry("rule_type", local.ruleType() == null ? null : local.ruleType().wireName());
        if (local.entitlement() == null) {
            assertThat(rest.get("entitlement")).isNull();
            return;
        }
        Map<?, ?> entitlement = (Map<?, ?>) rest.get("entitlement");
        assertThat(((Number) entitlement.get("usage")).longValue()).isEqualTo(local.entitlement().usage());
        assertThat(((Number) entitlement.get("allocation")).longValue()).isEqualTo(local.entitlement().allocation());
        assertThat(((Number) rest.get("feature_usage")).longValue()).isEqualTo(local.entitlement().usage());
        assertThat(((Number) rest.get("feature_allocation")).longValue())
                .isEqualTo(local.entitlement().allocation());
    }

    /** Waits until the dev service has counted the company's events (they reach it at the flush). */
    private void awaitDevServiceUsage(Map<String, String> company, long usage) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(devUi.getUsage().toString())
                .contains("keys=" + company + ", usage=" + usage + ","));
    }

    @Test
    void aCompanyWithItsOwnAllocationAnswersLocallyWithIt() {
        FlagCheck big = schematic.checkFlagDetails("api-calls", Map.of("id", "big-co"), Map.of());

        assertThat(big.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(big.value()).isTrue();
        assertThat(big.entitlement().allocation()).isEqualTo(1000L);
        assertThat(schematic.checkFlagDetails("api-calls", Map.of("id", "big-co"), Map.of(), Preflight.usage(999))
                .value()).isTrue();
    }

    @Test
    void localChecksReachTheDevServiceAsFlagCheckEvents() {
        schematic.checkFlag("beta", ACME, Map.of());
        schematic.flush();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) devUi.getRecentEvents();
        assertThat(events).anySatisfy(event -> {
            assertThat(event).containsEntry("type", "flag_check");
            assertThat(event.get("body").toString()).contains("flag_key=beta", "req_company={id=acme}");
        });
    }
}
