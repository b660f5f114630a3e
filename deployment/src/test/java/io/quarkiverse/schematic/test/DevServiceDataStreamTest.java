package io.quarkiverse.schematic.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

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
import io.quarkiverse.schematic.runtime.datastream.LocalEvaluation;
import io.quarkiverse.schematic.runtime.devui.SchematicDevUiService;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With the dev service, local evaluation is on: the dev service serves a DataStream built from its configured flags
 * and overrides, local answers agree with its REST answers, and a flag toggled in the Dev UI reaches the application
 * through the DataStream as a {@link FlagChanged} event and in the next check. Metered features travel as company
 * usage, entitlements and rules, and follow track events and Dev UI resets.
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
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(devUi.getUsage().toString())
                .contains("usage=3"));
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
