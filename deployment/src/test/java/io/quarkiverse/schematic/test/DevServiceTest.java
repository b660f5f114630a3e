package io.quarkiverse.schematic.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.User;
import io.quarkiverse.schematic.UserUpsert;
import io.quarkiverse.schematic.runtime.devui.DevServiceProtocol;
import io.quarkiverse.schematic.runtime.devui.SchematicDevUiService;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Without an API key the dev service starts and answers every call the extension makes, over real HTTP. Local
 * evaluation, on by default with the dev service ({@link DevServiceDataStreamTest}), is turned off here: the
 * application's setting wins over the dev service's, and every check goes to the dev service's REST API.
 */
class DevServiceTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.schematic.cache.enabled", "false")
            .overrideConfigKey("quarkus.schematic.local-evaluation.enabled", "false")
            .overrideConfigKey("quarkus.schematic.devservices.flags.\"beta\"", "true")
            .overrideConfigKey("quarkus.schematic.devservices.flags.\"a/b c\"", "true")
            .overrideConfigKey("quarkus.schematic.devservices.companies.\"acme\".flags.\"beta\"", "false")
            .overrideConfigKey("quarkus.schematic.devservices.users.\"jane@acme.com\".flags.\"gamma\"", "true")
            .setLogRecordPredicate(record -> record.getLoggerName().endsWith("DevServicesProcessor"))
            .assertLogRecords(records -> assertThat(records)
                    .anySatisfy(record -> assertThat(record.getMessage()).contains("Schematic dev service runs on"))
                    .allSatisfy(record -> assertThat(String.valueOf(record.getParameters() == null ? ""
                            : List.of(record.getParameters()))).doesNotContain(DevServiceProtocol.API_KEY)));

    @Inject
    SchematicService schematic;

    @Inject
    SchematicDevUiService devUi;

    @Test
    void extensionPointsAtTheLocalDevService() {
        String baseUrl = ConfigProvider.getConfig().getValue("quarkus.schematic.base-url", String.class);
        assertThat(baseUrl).startsWith("http://127.0.0.1:");
        assertThat(ConfigProvider.getConfig().getValue("quarkus.schematic.event-capture-url", String.class))
                .isEqualTo(baseUrl);
        assertThat(devUi.isDevServiceRunning()).isTrue();
    }

    @Test
    void configuredFlagIsAnsweredOverHttpAndRecorded() {
        FlagCheck check = schematic.checkFlagDetails("beta", Map.of("id", "globex"), Map.of());

        assertThat(check.value()).isTrue();
        assertThat(check.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(check.reason()).contains("quarkus.schematic.devservices.flags");
        assertThat(checks()).anySatisfy(recorded -> {
            assertThat(recorded).containsEntry("flag", "beta").containsEntry("value", true);
            assertThat(recorded.get("company")).isEqualTo(Map.of("id", "globex"));
        });
    }

    @Test
    void unknownFlagIsFalseWithAReason() {
        FlagCheck check = schematic.checkFlagDetails("never-configured", Map.of(), Map.of());

        assertThat(check.value()).isFalse();
        assertThat(check.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(check.reason()).isEqualTo("flag not configured in the dev service");
    }

    @Test
    void flagKeyTravelsAsOneEncodedPathSegment() {
        assertThat(schematic.checkFlag("a/b c")).isTrue();
    }

    @Test
    void companyAndUserOverridesWin() {
        assertThat(schematic.checkFlag("beta", Map.of("id", "acme"), Map.of())).isFalse();
        assertThat(schematic.checkFlag("gamma", Map.of("id", "acme"), Map.of("email", "jane@acme.com"))).isTrue();
        assertThat(schematic.checkFlag("gamma", Map.of("id", "acme"), Map.of("email", "joe@acme.com"))).isFalse();
    }

    @Test
    void checkFlagsReturnsEveryKnownFlag() {
        List<FlagCheck> all = schematic.checkFlags(Map.of("id", "acme"), Map.of());

        assertThat(all).extracting(FlagCheck::flag).containsExactlyInAnyOrder("a/b c", "beta", "gamma");
        assertThat(all).filteredOn(check -> check.flag().equals("beta")).singleElement()
                .satisfies(check -> assertThat(check.value()).isFalse());
    }

    @Test
    void upsertsAreStoredMergedAndReadBack() {
        Company first = schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "initech")).name("Initech")
                .traits(Map.of("seats", 40)));
        Company second = schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "initech", "domain", "initech.com"))
                .traits(Map.of("plan", "pro")));
        User user = schematic.upsertUser(UserUpsert.keys(Map.of("email", "peter@initech.com"))
                .company(Map.of("id", "initech")).name("Peter"));

        assertThat(first.id()).startsWith("comp_dev_");
        assertThat(first.createdAt()).isNotNull();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.name()).isEqualTo("Initech");
        assertThat(second.keys()).containsEntry("id", "initech").containsEntry("domain", "initech.com");
        assertThat(second.traits()).containsEntry("seats", 40).containsEntry("plan", "pro");
        assertThat(user.id()).startsWith("user_dev_");
        assertThat(user.name()).isEqualTo("Peter");

        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> entities = (Map<String, List<Map<String, Object>>>) devUi.getEntities();
        assertThat(entities.get("companies")).anySatisfy(company -> assertThat(company)
                .containsEntry("id", first.id()).containsEntry("name", "Initech"));
        assertThat(entities.get("users")).anySatisfy(stored -> assertThat(stored)
                .containsEntry("id", user.id()).containsEntry("company", Map.of("id", "initech")));
        // a check for a stored company carries its id, as Schematic's answers do
        assertThat(schematic.checkFlagDetails("beta", Map.of("domain", "initech.com"), Map.of()).companyId())
                .isEqualTo(first.id());
    }

    @Test
    void identifyAndTrackReachTheDevServiceAfterFlush() {
        schematic.identify(Identify.user(Map.of("email", "jane@acme.com")).name("Jane")
                .company(Map.of("id", "acme"), "Acme Inc", Map.of("seats", 40)));
        schematic.track(Track.event("query-tokens").company(Map.of("id", "acme")).quantity(1500));

        schematic.flush();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) devUi.getRecentEvents();
        assertThat(events).anySatisfy(event -> {
            assertThat(event).containsEntry("type", "identify").containsKey("sent_at");
            assertThat(event.get("body").toString()).contains("jane@acme.com", "Acme Inc");
        });
        assertThat(events).anySatisfy(event -> {
            assertThat(event).containsEntry("type", "track");
            assertThat(event.get("body").toString()).contains("query-tokens", "1500");
        });
        assertThat(events.toString()).doesNotContain(DevServiceProtocol.API_KEY);
        assertThat(devUi.getEventStats().delivered()).isGreaterThanOrEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> checks() {
        return (List<Map<String, Object>>) devUi.getDevServiceChecks();
    }
}
