package io.quarkiverse.schematic.test.observability;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.empty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.schematic.health.enabled=false} leaves the check out of the application.
 */
class HealthDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.schematic.offline", "true")
            .overrideConfigKey("quarkus.schematic.health.enabled", "false");

    @Test
    void noSchematicCheck() {
        get("/q/health/ready").then().statusCode(200)
                .body("checks.findAll { it.name == 'Schematic' }", empty());
    }
}
