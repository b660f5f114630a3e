package io.quarkiverse.schematic.docs.backendcalls;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.schematic.AccessToken;
import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.ReactiveSchematicAccounts;
import io.quarkiverse.schematic.SchematicAccounts;
import io.quarkiverse.schematic.TraitUpdate;

/** The short snippets of docs/backend-calls.md, compiled and run by DevServiceTest. */
@ApplicationScoped
public class BackendCallsSnippets {

    // tag::inject[]
    @Inject
    SchematicAccounts accounts; // blocking, for worker threads
    @Inject
    ReactiveSchematicAccounts reactiveAccounts; // the same calls returning Uni, for the event loop
    // end::inject[]

    public AccessToken issueToken() {
        // tag::issue-token[]
        AccessToken token = accounts.issueAccessToken(Map.of("id", "acme"));
        token.token(); // hand this to the component
        token.expiresAt(); // an Instant, about 15 minutes after issue
        // end::issue-token[]
        return token;
    }

    public Optional<Company> lookup() {
        // tag::lookup[]
        Optional<Company> company = accounts.lookupCompany(Map.of("id", "acme"));
        // end::lookup[]
        return company;
    }

    public void updateTraits(Map<String, String> company, Map<String, String> user) {
        // tag::trait-updates[]
        accounts.updateCompanyTrait(company, TraitUpdate.increment("seats", 1)); // -1 subtracts; absent counts as 0
        accounts.updateCompanyTrait(company, TraitUpdate.set("tier", "gold")); // values travel as text
        accounts.updateUserTrait(user, TraitUpdate.set("role", "admin").onlyExisting());
        // end::trait-updates[]
    }

    public boolean reactiveBeanPresent() {
        return reactiveAccounts != null;
    }
}
