package io.quarkiverse.schematic.test.observability;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Offline, there is nothing to be unready about: the check is UP and counts the events it dropped.
 */
class HealthOfflineTest {

    static final String SCHEMATIC = "checks.find { it.name == 'Schematic' }";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.schematic.offline", "true");

    @Inject
    SchematicService schematic;

    @Test
    void upInOfflineMode() {
        schematic.track(Track.event("report").company(Map.of("id", "acme")));

        get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(SCHEMATIC + ".status", equalTo("UP"))
                .body(SCHEMATIC + ".data.mode", equalTo("offline"))
                .body(SCHEMATIC + ".data.'events.dropped'", equalTo(1));
    }
}
