package io.quarkiverse.schematic.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.testing.SchematicTestKit;
import io.quarkiverse.schematic.testing.SchematicTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

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
}
