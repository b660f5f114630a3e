package io.quarkiverse.schematic.runtime.accesstoken;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.quarkiverse.schematic.AccessToken;
import io.quarkiverse.schematic.SchematicContext;
import io.quarkiverse.schematic.runtime.context.CallerContexts;
import io.quarkiverse.schematic.runtime.gate.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * {@code POST <quarkus.schematic.access-token.path>}: a temporary access token for the company of the authenticated
 * caller, as {@code {"token": "...", "expiresAt": "2026-...Z"}}. The company comes from the request context alone;
 * nothing the request sends (query, body, headers) names it. 401 for an anonymous caller, 403 when the caller has no
 * company, 503 when Schematic cannot issue a token. The path is set at build time by the deployment module.
 */
public class AccessTokenResource {

    private static final Logger LOG = Logger.getLogger(AccessTokenResource.class);

    private final Instance<SecurityIdentity> identity;
    private final CallerContexts callers;
    private final AccessTokenCache tokens;

    public AccessTokenResource(Instance<SecurityIdentity> identity, CallerContexts callers, AccessTokenCache tokens) {
        this.identity = identity;
        this.callers = callers;
        this.tokens = tokens;
    }

    @POST
    public Uni<Response> issue() {
        if (!identity.isResolvable() || identity.get().isAnonymous()) {
            return Uni.createFrom().item(Problems.problem(Response.Status.UNAUTHORIZED,
                    "Authentication required", "Sign in to get a token for your company", null));
        }
        SchematicContext caller = callers.current();
        if (!caller.hasCompany()) {
            return Uni.createFrom().item(Problems.problem(Response.Status.FORBIDDEN,
                    "No company", "The caller belongs to no company", null));
        }
        return tokens.token(caller.company()).map(AccessTokenResource::answer).onFailure().recoverWithItem(failure -> {
            // the type only: the company's keys are the caller's data, not the log's
            LOG.warnf("No Schematic access token could be issued: %s", failure.getClass().getName());
            return Problems.problem(Response.Status.SERVICE_UNAVAILABLE, "Token unavailable",
                    "No token can be issued now", null);
        });
    }

    private static Response answer(AccessToken token) {
        JsonObject body = new JsonObject().put("token", token.token()).put("expiresAt", token.expiresAt().toString());
        return Response.ok(body.encode(), "application/json").header("Cache-Control", "no-store").build();
    }
}
