package io.quarkiverse.schematic.docs.snippets.gettingstarted;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.testing.SchematicTestKit;
import io.quarkiverse.schematic.testing.SchematicTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

// tag::first-test[]
@QuarkusTest
@WithTestResource(SchematicTestResource.class)
class DashboardResourceTest {

    @Inject
    SchematicTestKit schematic;

    @Test
    void newDashboardWhenTheFlagIsOn() {
        schematic.flag("new-dashboard", true);

        given().get("/dashboard/acme").then().statusCode(200).body(is("new dashboard"));

        assertThat(schematic.tracked()).extracting(Track::event).containsExactly("dashboard-viewed");
    }

    @Test
    void classicDashboardOtherwise() {
        given().get("/dashboard/acme").then().statusCode(200).body(is("classic dashboard"));

        assertThat(schematic.tracked()).isEmpty();
    }
}
// end::first-test[]
