package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.Map;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.quarkiverse.schematic.SchematicAccounts;
import io.quarkiverse.schematic.TraitUpdate;

/**
 * Every call of {@link SchematicAccounts}, made with valid arguments, and the endpoint it goes to (section 13 of the
 * wire notes), for tests that treat them all alike: retries, error mapping, offline mode, secret hygiene. Add it to
 * the application of a {@code QuarkusUnitTest} that uses it.
 */
enum AccountCall {

    ISSUE_ACCESS_TOKEN("POST", "/temporary-access-tokens", accounts -> accounts.issueAccessToken(Map.of("id", "acme"))),
    FEATURE_USAGE("GET", "/usage-by-company", accounts -> accounts.featureUsage(Map.of("id", "acme"))),
    LOOKUP_COMPANY("GET", "/companies/lookup", accounts -> accounts.lookupCompany(Map.of("id", "acme"))),
    DELETE_COMPANY("POST", "/companies/delete", accounts -> accounts.deleteCompany(Map.of("id", "acme"))),
    DELETE_USER("POST", "/users/delete", accounts -> accounts.deleteUser(Map.of("email", "jane@acme.com"))),
    UPDATE_COMPANY_TRAIT("POST", "/company-traits",
            accounts -> accounts.updateCompanyTrait(Map.of("id", "acme"), TraitUpdate.set("tier", "gold"))),
    UPDATE_USER_TRAIT("POST", "/user-traits",
            accounts -> accounts.updateUserTrait(Map.of("email", "jane@acme.com"), TraitUpdate.set("role", "admin")));

    private final String method;
    private final String path;
    private final Consumer<SchematicAccounts> call;

    AccountCall(String method, String path, Consumer<SchematicAccounts> call) {
        this.method = method;
        this.path = path;
        this.call = call;
    }

    void invoke(SchematicAccounts accounts) {
        call.accept(accounts);
    }

    /** A stub mapping for this call's method and path. */
    MappingBuilder answers() {
        return WireMock.request(method, urlPathEqualTo(path));
    }

    /** The requests of this call, for verification. */
    RequestPatternBuilder requested() {
        return RequestPatternBuilder.newRequestPattern(RequestMethod.fromString(method), urlPathEqualTo(path));
    }
}
