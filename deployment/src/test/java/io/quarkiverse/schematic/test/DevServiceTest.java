package io.quarkiverse.schematic.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.AccessToken;
import io.quarkiverse.schematic.CheckContext;
import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.CompanyFlags;
import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.Entitlement;
import io.quarkiverse.schematic.EntitlementValueType;
import io.quarkiverse.schematic.FeatureUsage;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.MetricPeriod;
import io.quarkiverse.schematic.MonthReset;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.RuleType;
import io.quarkiverse.schematic.SchematicAccounts;
import io.quarkiverse.schematic.SchematicClientErrorException;
import io.quarkiverse.schematic.SchematicHttpException;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.TraitUpdate;
import io.quarkiverse.schematic.User;
import io.quarkiverse.schematic.UserUpsert;
import io.quarkiverse.schematic.docs.EntitlementsDocSnippets;
import io.quarkiverse.schematic.docs.backendcalls.AccountDeletion;
import io.quarkiverse.schematic.docs.backendcalls.BackendCallsSnippets;
import io.quarkiverse.schematic.docs.backendcalls.ComponentTokenResource;
import io.quarkiverse.schematic.docs.backendcalls.CurrentAccount;
import io.quarkiverse.schematic.docs.backendcalls.SeatCounter;
import io.quarkiverse.schematic.docs.backendcalls.UsagePageResource;
import io.quarkiverse.schematic.rules.RulesEngine;
import io.quarkiverse.schematic.runtime.devui.DevServiceProtocol;
import io.quarkiverse.schematic.runtime.devui.SchematicDevUiService;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Without an API key the dev service starts and answers every call the extension makes, over real HTTP: flag
 * checks, upserts, events and the account calls of {@code SchematicAccounts}. Local evaluation, on by default with
 * the dev service ({@link DevServiceDataStreamTest}), is turned off here: the application's setting wins over the dev
 * service's, and every check goes to the dev service's REST API.
 */
class DevServiceTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            // the Java snippets of docs/backend-calls.md and docs/entitlements.md run here against the dev service
            .withApplicationRoot(jar -> jar.addClasses(DocsAccount.class, CurrentAccount.class, UsagePageResource.class,
                    ComponentTokenResource.class, AccountDeletion.class, SeatCounter.class,
                    BackendCallsSnippets.class, EntitlementsDocSnippets.class,
                    EntitlementsDocSnippets.UsageRecord.class))
            .overrideConfigKey("quarkus.schematic.cache.enabled", "false")
            .overrideConfigKey("quarkus.schematic.local-evaluation.enabled", "false")
            .overrideConfigKey("quarkus.schematic.devservices.flags.\"beta\"", "true")
            .overrideConfigKey("quarkus.schematic.devservices.flags.\"a/b c\"", "true")
            .overrideConfigKey("quarkus.schematic.devservices.companies.\"acme\".flags.\"beta\"", "false")
            .overrideConfigKey("quarkus.schematic.devservices.users.\"jane@acme.com\".flags.\"gamma\"", "true")
            .overrideConfigKey("quarkus.schematic.flag-defaults.\"on-unless-configured\"", "true")
            .overrideConfigKey("quarkus.schematic.devservices.features.\"api-calls\".allocation", "3")
            .overrideConfigKey("quarkus.schematic.devservices.features.\"api-calls\".event-name", "api-call")
            .overrideConfigKey("quarkus.schematic.devservices.features.\"api-calls\".companies.\"big-co\"", "1000")
            .overrideConfigKey("quarkus.schematic.devservices.features.\"ai-tokens\".period", "current-day")
            .setLogRecordPredicate(record -> record.getLoggerName().endsWith("DevServicesProcessor"))
            .assertLogRecords(records -> assertThat(records)
                    .anySatisfy(record -> assertThat(record.getMessage()).contains("Schematic dev service runs on"))
                    .allSatisfy(record -> assertThat(String.valueOf(record.getParameters() == null ? ""
                            : List.of(record.getParameters()))).doesNotContain(DevServiceProtocol.API_KEY)));

    @Inject
    SchematicService schematic;

    @Inject
    SchematicAccounts accounts;

    @Inject
    SchematicDevUiService devUi;

    @Inject
    SeatCounter seatCounter;

    @Inject
    AccountDeletion deletion;

    @Inject
    BackendCallsSnippets snippets;

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
    void unknownFlagIsNotFoundSoTheApplicationsDefaultAnswersAsInProduction() {
        FlagCheck withDefault = schematic.checkFlagDetails("on-unless-configured", Map.of("id", "acme"), Map.of());
        FlagCheck withoutDefault = schematic.checkFlagDetails("never-configured", Map.of(), Map.of());

        assertThat(withDefault.value()).isTrue();
        assertThat(withoutDefault.value()).isFalse();
        assertThat(List.of(withDefault, withoutDefault)).allSatisfy(check -> {
            assertThat(check.source()).isEqualTo(FlagSource.DEFAULT);
            assertThat(check.error()).contains("HTTP 404").contains("not configured in the dev service")
                    .contains("quarkus.schematic.devservices.flags");
        });
        // the dev service saw the check and says why it had no value
        assertThat(checks()).anySatisfy(recorded -> {
            assertThat(recorded).containsEntry("flag", "on-unless-configured").containsEntry("value", null);
            assertThat(recorded.get("reason").toString()).contains("404");
        });
        // a configured flag is still answered by the dev service, not by the default
        assertThat(schematic.checkFlagDetails("beta", Map.of(), Map.of()).source()).isEqualTo(FlagSource.REMOTE);
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

        assertThat(all).extracting(FlagCheck::flag).containsExactlyInAnyOrder("a/b c", "beta", "gamma", "api-calls",
                "ai-tokens");
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

    @Test
    void accessTokensLookRealAndExpireInFifteenMinutes() {
        AccessToken first = accounts.issueAccessToken(Map.of("id", "acme"));
        AccessToken second = accounts.issueAccessToken(Map.of("id", "acme"));

        assertThat(first.token()).startsWith("dev_").hasSizeGreaterThan(30).isNotEqualTo(second.token());
        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(Duration.between(first.createdAt(), first.expiresAt())).isEqualTo(Duration.ofMinutes(15));
        assertThat(first.isExpiredAt(first.createdAt().plus(Duration.ofMinutes(15)))).isTrue();
    }

    @Test
    void seatCounterShowsInFeatureUsage() {
        Map<String, String> umbrella = Map.of("id", "umbrella");
        schematic.upsertCompany(CompanyUpsert.keys(umbrella).name("Umbrella").traits(Map.of("seats", 3)));

        accounts.updateCompanyTrait(umbrella, TraitUpdate.increment("seats", 2));
        Company company = accounts.updateCompanyTrait(umbrella, TraitUpdate.set("tier", "gold"));
        List<FeatureUsage> usage = accounts.featureUsage(umbrella);

        assertThat(company.traits()).containsEntry("seats", 5).containsEntry("tier", "gold");
        assertThat(usage).filteredOn(feature -> "seats".equals(feature.featureName())).singleElement()
                .satisfies(seats -> {
                    assertThat(seats.usage()).isEqualTo(5L);
                    assertThat(seats.valueType()).isEqualTo(EntitlementValueType.TRAIT);
                    assertThat(seats.unlimited()).isTrue();
                    assertThat(seats.access()).isTrue();
                });
        // every known flag is a boolean feature, evaluated for the company
        assertThat(usage).filteredOn(feature -> feature.valueType() == EntitlementValueType.BOOLEAN)
                .extracting(FeatureUsage::featureKey, FeatureUsage::access)
                .containsExactlyInAnyOrder(tuple("a/b c", true), tuple("beta", true), tuple("gamma", false));
        assertThat(usage).noneMatch(feature -> "tier".equals(feature.featureName()));
        assertThat(accounts.lookupCompany(Map.of("id", "umbrella"))).hasValueSatisfying(
                found -> assertThat(found.traits()).containsEntry("seats", 5));
    }

    @Test
    void traitUpdatesFollowSchematicsRules() {
        assertThatThrownBy(() -> accounts.updateCompanyTrait(Map.of("id", "hooli"),
                TraitUpdate.increment("seats", 1).onlyExisting()))
                .isInstanceOf(SchematicClientErrorException.class)
                .satisfies(e -> assertThat(((SchematicHttpException) e).statusCode()).isEqualTo(404));
        assertThat(accounts.lookupCompany(Map.of("id", "hooli"))).isEmpty();

        // without onlyExisting the company is created, its counter starting from 0
        Company hooli = accounts.updateCompanyTrait(Map.of("id", "hooli"), TraitUpdate.increment("seats", -1));
        assertThat(hooli.traits()).containsEntry("seats", -1);
        assertThat(hooli.keys()).containsEntry("id", "hooli");

        accounts.updateCompanyTrait(Map.of("id", "hooli"), TraitUpdate.set("tier", "gold"));
        assertThatThrownBy(() -> accounts.updateCompanyTrait(Map.of("id", "hooli"), TraitUpdate.increment("tier", 1)))
                .isInstanceOf(SchematicClientErrorException.class).hasMessageContaining("not a number");

        User user = accounts.updateUserTrait(Map.of("email", "gavin@hooli.com"), TraitUpdate.set("role", "ceo"));
        assertThat(user.traits()).containsEntry("role", "ceo");
    }

    @Test
    void deletionsForgetCompaniesAndUsers() {
        Company initrode = schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "initrode")).name("Initrode"));
        User bill = schematic.upsertUser(UserUpsert.keys(Map.of("email", "bill@initrode.com")).name("Bill"));
        assertThat(accounts.lookupCompany(Map.of("id", "initrode"))).map(Company::id).hasValue(initrode.id());

        assertThat(accounts.deleteCompany(Map.of("id", "initrode"))).hasValueSatisfying(deleted -> {
            assertThat(deleted.id()).isEqualTo(initrode.id());
            assertThat(deleted.name()).isEqualTo("Initrode");
        });
        assertThat(accounts.deleteUser(Map.of("email", "bill@initrode.com"))).map(User::id).hasValue(bill.id());

        assertThat(accounts.lookupCompany(Map.of("id", "initrode"))).isEmpty();
        assertThat(accounts.deleteCompany(Map.of("id", "initrode"))).isEmpty();
        assertThat(accounts.deleteUser(Map.of("email", "bill@initrode.com"))).isEmpty();
        assertThatThrownBy(() -> accounts.featureUsage(Map.of("id", "initrode")))
                .isInstanceOf(SchematicClientErrorException.class);
        // ids are never reused after a delete
        assertThat(schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "initrode"))).id())
                .isNotEqualTo(initrode.id());
    }

    @Test
    void backendCallsDocSnippetsWork() {
        schematic.upsertCompany(CompanyUpsert.keys(DocsAccount.COMPANY).traits(Map.of("seats", 7)));
        schematic.upsertUser(UserUpsert.keys(Map.of("email", "ann@docs.example")).company(DocsAccount.COMPANY));

        assertThat(seatCounter.memberAdded("docs-co")).isEqualTo(8);
        assertThat(seatCounter.memberRemoved("docs-co")).isEqualTo(7);
        assertThatThrownBy(() -> seatCounter.memberRemoved("unknown-co")).isInstanceOf(SchematicClientErrorException.class);

        given().get("/account/usage").then().statusCode(200)
                .body("feature", hasItem("seats"))
                .body("find { it.feature == 'seats' }.used", is(7))
                .body("find { it.feature == 'seats' }.limit", nullValue());
        String token = given().post("/account/schematic-token").then().statusCode(200)
                .body("expiresAt", notNullValue()).extract().path("token");
        assertThat(token).startsWith("dev_");

        assertThat(snippets.issueToken().token()).startsWith("dev_");
        schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme")).name("Acme Inc"));
        assertThat(snippets.lookup()).map(Company::name).hasValue("Acme Inc");
        snippets.updateTraits(DocsAccount.COMPANY, Map.of("email", "ann@docs.example"));
        assertThat(accounts.lookupCompany(DocsAccount.COMPANY)).hasValueSatisfying(
                company -> assertThat(company.traits()).containsEntry("seats", 8).containsEntry("tier", "gold"));
        assertThat(snippets.reactiveBeanPresent()).isTrue();

        deletion.erase("docs-co", List.of("ann@docs.example", "gone@docs.example"));
        deletion.erase("docs-co", List.of("ann@docs.example"));
        assertThat(accounts.lookupCompany(DocsAccount.COMPANY)).isEmpty();
    }

    /** The signed-in user's company for the snippets, as an application would know it from its security identity. */
    @ApplicationScoped
    static class DocsAccount implements CurrentAccount {

        static final Map<String, String> COMPANY = Map.of("id", "docs-co");

        @Override
        public Map<String, String> companyKeys() {
            return COMPANY;
        }
    }

    @Test
    void aMeteredFeatureFlipsToFalseAfterEnoughTrackCalls() {
        Map<String, String> company = Map.of("id", "metered-co");
        FlagCheck fresh = schematic.checkFlagDetails("api-calls", company, Map.of());
        assertThat(fresh.value()).isTrue();
        assertThat(fresh.ruleType()).isEqualTo(RuleType.PLAN_ENTITLEMENT);
        Instant firstOfNextMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        assertThat(fresh.entitlement()).isEqualTo(new Entitlement("feat_dev_api-calls", "api-calls",
                EntitlementValueType.NUMERIC, 3L, 0L, null, "api-call", null, MetricPeriod.CURRENT_MONTH,
                MonthReset.FIRST_OF_MONTH, firstOfNextMonth, null, null, null, null, null, null, null, null));

        schematic.track(Track.event("api-call").company(company));
        schematic.track(Track.event("api-call").company(company).user(Map.of("email", "joe@metered.co")));
        schematic.track(Track.event("other-event").company(company).quantity(50));
        schematic.flush();

        FlagCheck twoUsed = schematic.checkFlagDetails("api-calls", company, Map.of());
        assertThat(twoUsed.value()).isTrue();
        assertThat(twoUsed.entitlement().usage()).isEqualTo(2);
        assertThat(twoUsed.entitlement().remaining()).hasValue(1);
        // the engine's rule, as local evaluation answers it: usage plus the preflight's size below the allocation
        FlagCheck exactlyWhatIsLeft = schematic.checkFlagDetails("api-calls", company, Map.of(), Preflight.usage(1));
        assertThat(exactlyWhatIsLeft.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(exactlyWhatIsLeft.value()).as("2 + 1 is not below 3").isFalse();
        assertThat(exactlyWhatIsLeft.ruleType()).isEqualTo(RuleType.PLAN_ENTITLEMENT_USAGE_EXCEEDED);
        assertThat(exactlyWhatIsLeft.reason()).contains("not below the allocation");
        assertThat(exactlyWhatIsLeft.entitlement().usage()).as("the current usage, not the hypothetical one")
                .isEqualTo(2);
        assertThat(schematic.checkFlag("api-calls", company, Map.of(), Preflight.usage(0))).isTrue();
        assertThat(schematic.checkFlag("api-calls", company, Map.of(), Preflight.eventUsage("api-call", 1))).isFalse();
        assertThat(schematic.checkFlag("api-calls", company, Map.of(), Preflight.eventUsage("other-event", 2)))
                .as("an event usage of another event adds nothing").isTrue();

        schematic.track(Track.event("api-call").company(company));
        schematic.flush();

        FlagCheck usedUp = schematic.checkFlagDetails("api-calls", company, Map.of());
        assertThat(usedUp.value()).isFalse();
        assertThat(usedUp.ruleType()).isEqualTo(RuleType.PLAN_ENTITLEMENT_USAGE_EXCEEDED);
        assertThat(usedUp.entitlement().usage()).isEqualTo(3);
        assertThat(usedUp.entitlement().remaining()).hasValue(0);
        assertThat(schematic.checkFlag("api-calls", Map.of("id", "other-co"), Map.of())).isTrue();
        assertThat(schematic.checkFlagDetails("api-calls", Map.of("id", "big-co"), Map.of()).entitlement().allocation())
                .isEqualTo(1000);
        FlagCheck withoutCompany = schematic.checkFlagDetails("api-calls", Map.of(), Map.of());
        assertThat(withoutCompany.source()).as("the flag exists: answered, not 404").isEqualTo(FlagSource.REMOTE);
        assertThat(withoutCompany.value()).isFalse();
        assertThat(withoutCompany.reason()).isEqualTo(RulesEngine.REASON_NO_RULES_MATCHED);
        assertThat(withoutCompany.entitlement()).as("no company, no entitlement").isNull();

        assertThat(usage()).filteredOn(feature -> feature.get("feature").equals("api-calls")).singleElement()
                .satisfies(feature -> assertThat(feature.get("companies")).asInstanceOf(InstanceOfAssertFactories.LIST)
                        .contains(Map.of("keys", company, "usage", 3, "allocation", 3)));
        assertThat(devUi.getRecentChecks()).anySatisfy(row -> assertThat(row).containsEntry("flag", "api-calls")
                .containsEntry("usage", "3 / 3").containsEntry("ruleType", "PLAN_ENTITLEMENT_USAGE_EXCEEDED"));
        devUi.resetUsage("api-calls");
        FlagCheck afterReset = schematic.checkFlagDetails("api-calls", company, Map.of());
        assertThat(afterReset.value()).isTrue();
        assertThat(afterReset.entitlement().usage()).isZero();
    }

    @Test
    void repeatedIdempotencyKeysCountOnceAndABackfillCountsInItsOwnPeriod() {
        Map<String, String> company = Map.of("id", "idempotent-co");
        Track call = Track.event("api-call").company(company).quantity(2).idempotencyKey("request-1");
        schematic.track(call);
        schematic.track(call);
        schematic.track(Track.event("api-call").company(company).quantity(1).sentAt(Instant.now().minus(400,
                ChronoUnit.DAYS)).trustedClientClock(true).backfill(true));
        schematic.track(Track.event("ai-tokens").company(company).quantity(500));
        schematic.flush();

        List<CompanyFlags> answers = schematic.checkFlagsBulk(List.of(CheckContext.company(company),
                CheckContext.company(Map.of("id", "fresh-co"))));

        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).flag("api-calls").orElseThrow().entitlement().usage()).isEqualTo(2);
        assertThat(answers.get(1).flag("api-calls").orElseThrow().entitlement().usage()).isZero();
        FlagCheck tokens = answers.get(0).flag("ai-tokens").orElseThrow();
        assertThat(tokens.value()).isTrue();
        assertThat(tokens.entitlement().unlimited()).isTrue();
        assertThat(tokens.entitlement().usage()).isEqualTo(500);
        assertThat(tokens.entitlement().metricPeriod()).isEqualTo(MetricPeriod.CURRENT_DAY);
        assertThat(answers.get(0).plan()).isNull();
    }

    @Test
    void theDocumentedPatternsWorkAgainstTheDevService() {
        EntitlementsDocSnippets docs = new EntitlementsDocSnippets(schematic);
        Map<String, String> company = Map.of("id", "docs-co");

        assertThat(docs.canUseAdvancedReports(company, Map.of())).isFalse();
        assertThat(docs.planBadge(company)).isEqualTo("No plan");
        assertThat(docs.usageLabel(company)).startsWith("0 of 3 API calls used, resets ");
        docs.recordApiCall(company, "req-1");
        docs.recordApiCall(company, "req-1");
        docs.importHistory(List.of(new EntitlementsDocSnippets.UsageRecord("h-1", company, 2,
                Instant.now().minus(400, ChronoUnit.DAYS))));
        assertThat(docs.usageLabel(company)).as("a retried request and last year's usage count nothing more")
                .startsWith("1 of 3 API calls used");
        assertThat(docs.runBatch(company, Map.of(), List.of("a", "b"))).as("1 + 2 is not below 3").isFalse();
        assertThat(docs.runBatch(company, Map.of(), List.of("a"))).isTrue();
        docs.recordApiCall(company, "req-2");
        schematic.flush();
        assertThat(docs.usageLabel(company)).startsWith("3 of 3 API calls used");
        assertThat(docs.overTheLimit(List.of("fresh-docs-co", "docs-co"))).containsExactly("docs-co");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> usage() {
        return (List<Map<String, Object>>) devUi.getUsage();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> checks() {
        return (List<Map<String, Object>>) devUi.getDevServiceChecks();
    }
}
