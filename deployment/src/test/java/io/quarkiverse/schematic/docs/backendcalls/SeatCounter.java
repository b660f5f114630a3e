package io.quarkiverse.schematic.docs.backendcalls;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.SchematicAccounts;
import io.quarkiverse.schematic.TraitUpdate;

/** The seat counter of docs/backend-calls.md, "Trait counters". */
// tag::seat-counter[]
@ApplicationScoped
public class SeatCounter {

    @Inject
    SchematicAccounts accounts;

    /** A member joined the company: one more seat in use. Returns the seats now in use. */
    public long memberAdded(String companyId) {
        return seats(accounts.updateCompanyTrait(Map.of("id", companyId), TraitUpdate.increment("seats", 1)));
    }

    /** A member left: one seat less. Only for a company Schematic already knows. */
    public long memberRemoved(String companyId) {
        return seats(accounts.updateCompanyTrait(Map.of("id", companyId),
                TraitUpdate.increment("seats", -1).onlyExisting()));
    }

    private static long seats(Company company) {
        return company.traits().get("seats") instanceof Number seats ? seats.longValue() : 0;
    }
}
// end::seat-counter[]
