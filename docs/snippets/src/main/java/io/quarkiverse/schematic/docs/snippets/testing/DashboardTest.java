package io.quarkiverse.schematic.docs.snippets.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.testing.SchematicTestKit;
import io.quarkiverse.schematic.testing.SchematicTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

// tag::testing-test-kit[]
@QuarkusTest
// flag.<key> arguments set flags for the whole class
@WithTestResource(value = SchematicTestResource.class, initArgs = @ResourceArg(name = "flag.beta-reports", value = "true"))
class DashboardTest {

    @Inject
    SchematicTestKit schematic;

    @Test
    void newDashboardForAcme() {
        schematic.flag("new-dashboard", true); // for this test only

        given().get("/dashboard/acme").then().statusCode(200).body(containsString("new"));

        assertThat(schematic.tracked()).singleElement()
                .satisfies(track -> assertThat(track.event()).isEqualTo("dashboard-viewed"));
    }

    @Test
    void classicDashboardOtherwise() {
        // new-dashboard is false again here: the kit was reset before this test
        given().get("/dashboard/acme").then().body(containsString("classic"));
    }
}
// end::testing-test-kit[]
