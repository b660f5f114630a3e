package io.quarkiverse.schematic.docs.snippets.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.SchematicService;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;

// tag::testing-mock[]
@QuarkusTest
class DashboardMockTest {

    @InjectMock
    SchematicService schematic;

    @Test
    void newDashboard() {
        when(schematic.checkFlag(eq("new-dashboard"), any(), any())).thenReturn(true);

        given().get("/dashboard/acme").then().statusCode(200).body(containsString("new"));
    }
}
// end::testing-mock[]
