package io.quarkiverse.schematic.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkiverse.schematic.Entitlement;
import io.quarkiverse.schematic.EntitlementValueType;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.MetricPeriod;
import io.quarkiverse.schematic.MonthReset;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.RuleType;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.testing.SchematicTestKit;
import io.quarkiverse.schematic.testing.SchematicTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * The demo app tested the way users test theirs with {@code quarkus-schematic-test}: no Schematic server, flags set
 * per class (resource argument) and per test (the kit), events asserted. The order is fixed so that the second test
 * proves the first one's flag and events did not leak.
 */
@QuarkusTest
@WithTestResource(value = SchematicTestResource.class, initArgs = @ResourceArg(name = "flag.beta-reports", value = "true"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestKitTest {

    @Inject
    SchematicTestKit kit;

    @Inject
    SchematicService schematic;

    @Test
    @Order(1)
    void flagOnAndEventsRecorded() {
        kit.flag("new-dashboard", true).flag("beta-reports", false);

        given().queryParam("company", "acme").when().get("/flags/new-dashboard")
                .then().statusCode(200).body("value", equalTo(true)).body("source", equalTo("OFFLINE"));
        given().when().get("/flags/beta-reports").then().statusCode(200).body("value", equalTo(false));
        given().queryParam("quantity", 1500).when().post("/companies/acme/usage").then().statusCode(202);
        schematic.identify(Identify.user(Map.of("email", "jane@acme.com")).name("Jane")
                .company(Map.of("id", "acme"), "Acme Inc", Map.of("seats", 40)));

        assertThat(kit.tracked()).singleElement().satisfies(track -> {
            assertThat(track.event()).isEqualTo("api-call");
            assertThat(track.company()).isEqualTo(Map.of("id", "acme"));
            assertThat(track.quantity()).hasValue(1500);
        });
        assertThat(kit.identified()).singleElement().satisfies(identify -> {
            assertThat(identify.keys()).isEqualTo(Map.of("email", "jane@acme.com"));
            assertThat(identify.name()).isEqualTo("Jane");
            assertThat(identify.companyName()).isEqualTo("Acme Inc");
            assertThat(identify.companyTraits()).isEqualTo(Map.of("seats", 40));
        });
    }

    @Test
    @Order(2)
    void nothingLeaksIntoTheNextTest() {
        given().queryParam("company", "acme").when().get("/flags/new-dashboard")
                .then().statusCode(200).body("value", equalTo(false));
        given().when().get("/flags/beta-reports").then().statusCode(200).body("value", equalTo(true));
        given().when().get("/flags").then().statusCode(200).body("flag", contains("beta-reports"));
        assertThat(kit.tracked()).isEmpty();
        assertThat(kit.identified()).isEmpty();
    }

    @Test
    @Order(3)
    void flagOffWhileAnotherIsOn() {
        kit.flag("new-dashboard", false).flag("beta-reports", true);
        schematic.track(Track.event("export").user(Map.of("email", "jane@acme.com")));

        given().when().get("/flags/new-dashboard").then().statusCode(200).body("value", equalTo(false));
        given().when().get("/flags/beta-reports").then().statusCode(200).body("value", equalTo(true));
        assertThat(kit.tracked()).containsExactly(Track.event("export").user(Map.of("email", "jane@acme.com")));
    }

    @Test
    @Order(4)
    void entitlementsPerCompanyWithUsageAndPreflight() {
        Entitlement unlimited = new Entitlement("feat_exports", "exports", EntitlementValueType.UNLIMITED, null, 12L,
                null, "export", null, MetricPeriod.CURRENT_MONTH, MonthReset.FIRST_OF_MONTH, null, null, null, null,
                null, null, null, null, null);
        // tag::kit-entitlements[]
        kit.entitlement("api-calls", Map.of("id", "acme"), 99, 100) // 99 of 100 used: on, a preflight of 2 is refused
                .entitlement("api-calls", Map.of("id", "globex"), 100, 100) // used up: off
                .entitlement("exports", null, unlimited, true); // this Entitlement and value, for every company
        // end::kit-entitlements[]

        FlagCheck acme = schematic.checkFlagDetails("api-calls", Map.of("id", "acme", "region", "eu"), Map.of());
        assertThat(acme.value()).isTrue();
        assertThat(acme.source()).isEqualTo(FlagSource.OFFLINE);
        assertThat(acme.ruleType()).isEqualTo(RuleType.PLAN_ENTITLEMENT);
        assertThat(acme.entitlement().usage()).isEqualTo(99);
        assertThat(acme.entitlement().allocation()).isEqualTo(100);
        assertThat(schematic.checkFlag("api-calls", Map.of("id", "acme"), Map.of(), Preflight.usage(1))).isTrue();
        assertThat(schematic.checkFlag("api-calls", Map.of("id", "acme"), Map.of(), Preflight.usage(2))).isFalse();
        FlagCheck globex = schematic.checkFlagDetails("api-calls", Map.of("id", "globex"), Map.of());
        assertThat(globex.value()).isFalse();
        assertThat(globex.ruleType()).isEqualTo(RuleType.PLAN_ENTITLEMENT_USAGE_EXCEEDED);
        FlagCheck initech = schematic.checkFlagDetails("api-calls", Map.of("id", "initech"), Map.of());
        assertThat(initech.value()).as("no entitlement for this company: the flag default").isFalse();
        assertThat(initech.entitlement()).isNull();
        assertThat(schematic.checkFlagDetails("exports", Map.of("id", "initech"), Map.of()).entitlement())
                .isEqualTo(unlimited);
        assertThat(schematic.checkFlagsDetails(Map.of("id", "acme"), Map.of()).flags()).extracting(FlagCheck::flag)
                .containsExactly("api-calls", "beta-reports", "exports");

        // what a REST resource returning the FlagCheck shows
        given().queryParam("company", "acme").when().get("/flags/api-calls").then().statusCode(200)
                .body("value", equalTo(true)).body("ruleType", equalTo("PLAN_ENTITLEMENT"))
                .body("entitlement.usage", equalTo(99)).body("entitlement.allocation", equalTo(100));
    }

    @Test
    @Order(5)
    void entitlementsDoNotLeakIntoTheNextTest() {
        FlagCheck acme = schematic.checkFlagDetails("api-calls", Map.of("id", "acme"), Map.of());

        assertThat(acme.value()).isFalse();
        assertThat(acme.entitlement()).isNull();
        assertThat(schematic.checkFlags(Map.of("id", "acme"), Map.of())).extracting(FlagCheck::flag)
                .containsExactly("beta-reports");
    }

    // tag::kit-caller[]
    @Test
    @Order(6)
    @TestSecurity(user = "jane@acme.com", attributes = @SecurityAttribute(key = "tenant", value = "acme"))
    void gateFollowsValuesForTheCallersCompanyAndUser() {
        kit.flagForCompany("reports-v2", Map.of("id", "acme"), true); // on for acme only

        given().when().get("/reports/v2").then().statusCode(200)
                .body(equalTo("reports v2 for {id=acme} {email=jane@acme.com}"));

        kit.flagForUser("reports-v2", Map.of("email", "jane@acme.com"), false); // a user's value wins

        given().when().get("/reports/v2").then().statusCode(403).contentType("application/problem+json")
                .body("flag", equalTo("reports-v2"));
    }
    // end::kit-caller[]

    @Test
    @Order(7)
    @TestSecurity(user = "bob@globex.com", attributes = @SecurityAttribute(key = "tenant", value = "globex"))
    void anotherCompanyDoesNotGetAValueSetForAcmeAndNothingLeaks() {
        given().when().get("/reports/v2").then().statusCode(403);

        kit.flagForCompany("reports-v2", Map.of("id", "acme"), true);
        given().when().get("/reports/v2").then().statusCode(403);

        kit.flagForUser("reports-v2", Map.of("email", "bob@globex.com"), true);
        given().when().get("/reports/v2").then().statusCode(200)
                .body(equalTo("reports v2 for {id=globex} {email=bob@globex.com}"));
    }

    @Test
    @Order(8)
    void anonymousCallerHasNoKeysAndIsRefused() {
        assertThat(schematic.checkFlag("reports-v2", Map.of("id", "acme"), Map.of()))
                .as("the values of the previous tests are gone").isFalse();
        kit.flagForCompany("reports-v2", Map.of("id", "acme"), true);

        given().when().get("/reports/v2").then().statusCode(403);
        assertThat(schematic.checkFlag("reports-v2", Map.of("id", "acme", "region", "eu"), Map.of())).isTrue();
        assertThatThrownBy(() -> kit.flagForCompany("reports-v2", Map.of(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("company");
    }
}
