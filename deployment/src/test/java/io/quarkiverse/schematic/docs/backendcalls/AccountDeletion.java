package io.quarkiverse.schematic.docs.backendcalls;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.schematic.SchematicAccounts;

/** The deletion job of docs/backend-calls.md, "Deleting companies and users". */
// tag::deletion[]
@ApplicationScoped
public class AccountDeletion {

    private static final Logger LOG = Logger.getLogger(AccountDeletion.class);

    @Inject
    SchematicAccounts accounts;

    /**
     * Erases a closed account from Schematic: its users, then the company. Safe to run again after a failure: what is
     * already gone answers empty, and any other problem throws, so the job retries the request later.
     */
    public void erase(String companyId, List<String> memberEmails) {
        for (String email : memberEmails) {
            accounts.deleteUser(Map.of("email", email))
                    .ifPresent(user -> LOG.infof("Deleted Schematic user %s", user.id()));
        }
        accounts.deleteCompany(Map.of("id", companyId))
                .ifPresentOrElse(company -> LOG.infof("Deleted Schematic company %s", company.id()),
                        () -> LOG.infof("Schematic has no company %s (already deleted)", companyId));
    }
}
// end::deletion[]
