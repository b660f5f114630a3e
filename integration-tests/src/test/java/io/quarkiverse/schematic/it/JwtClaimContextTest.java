package io.quarkiverse.schematic.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.testing.SchematicTestKit;
import io.quarkiverse.schematic.testing.SchematicTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.jwt.Claim;
import io.quarkus.test.security.jwt.JwtSecurity;

/**
 * The company of the caller from a claim of the caller's JSON Web Token ({@code quarkus.schematic.context.company.claim})
 * instead of an identity attribute: a profile of its own, since a company has one source.
 */
@QuarkusTest
@TestProfile(JwtClaimContextTest.CompanyFromClaim.class)
@WithTestResource(SchematicTestResource.class)
class JwtClaimContextTest {

    public static class CompanyFromClaim implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // an empty value unsets the attribute mapping of application.properties (a %test. key)
            return Map.of("%test.quarkus.schematic.context.company.attribute", "",
                    "quarkus.schematic.context.company.claim", "org_id");
        }
    }

    @Inject
    SchematicTestKit kit;

    // tag::kit-caller-jwt[]
    @Test
    @TestSecurity(user = "jane@acme.com")
    @JwtSecurity(claims = @Claim(key = "org_id", value = "acme"))
    void companyFromTheTokensClaim() {
        kit.flagForCompany("reports-v2", Map.of("id", "acme"), true);

        given().when().get("/reports/v2").then().statusCode(200)
                .body(equalTo("reports v2 for {id=acme} {email=jane@acme.com}"));
    }
    // end::kit-caller-jwt[]

    @Test
    @TestSecurity(user = "bob@globex.com")
    @JwtSecurity(claims = @Claim(key = "org_id", value = "globex"))
    void anotherOrganisationIsRefused() {
        kit.flagForCompany("reports-v2", Map.of("id", "acme"), true);

        given().when().get("/reports/v2").then().statusCode(403);
    }
}
