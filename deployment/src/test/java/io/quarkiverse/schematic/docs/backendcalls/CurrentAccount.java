package io.quarkiverse.schematic.docs.backendcalls;

import java.util.Map;

/**
 * Stands for the application's own knowledge of who is signed in (docs/backend-calls.md): the company of the
 * authenticated user, from the security identity or the session, never from request parameters.
 */
// tag::current-account[]
public interface CurrentAccount {

    /** The Schematic keys of the signed-in user's company, e.g. {@code Map.of("id", "acme")}. */
    Map<String, String> companyKeys();
}
// end::current-account[]
