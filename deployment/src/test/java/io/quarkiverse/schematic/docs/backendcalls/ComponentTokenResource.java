package io.quarkiverse.schematic.docs.backendcalls;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkiverse.schematic.AccessToken;
import io.quarkiverse.schematic.SchematicAccounts;

/** The token endpoint of docs/backend-calls.md, "Temporary access tokens". */
// tag::component-token[]
@Path("/account/schematic-token")
public class ComponentTokenResource {

    public record ComponentToken(String token, Instant expiresAt) {
    }

    @Inject
    SchematicAccounts accounts;

    @Inject
    CurrentAccount account;

    /** Blocking call: Quarkus REST runs this method on a worker thread. */
    @POST
    public ComponentToken issue() {
        // the signed-in user's own company, never one named by the request
        AccessToken token = accounts.issueAccessToken(account.companyKeys());
        return new ComponentToken(token.token(), token.expiresAt());
    }
}
// end::component-token[]
