package io.quarkiverse.schematic.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicService;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The services are normal-scoped beans, so the usual {@code @InjectMock} works for users who prefer Mockito to the
 * test kit.
 */
@QuarkusTest
class InjectMockTest {

    @InjectMock
    SchematicService schematic;

    @Test
    void aMockedServiceAnswersTheResource() {
        when(schematic.checkFlagDetails(eq("new-dashboard"), any(), any())).thenReturn(new FlagCheck("new-dashboard",
                true, "mocked", null, null, null, null, FlagSource.REMOTE, null));

        given().queryParam("company", "acme").when().get("/flags/new-dashboard")
                .then().statusCode(200).body("value", equalTo(true)).body("reason", equalTo("mocked"));

        verify(schematic).checkFlagDetails("new-dashboard", Map.of("id", "acme"), Map.of());
    }
}
