package io.quarkiverse.schematic.docs.backendcalls;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.schematic.FeatureUsage;
import io.quarkiverse.schematic.ReactiveSchematicAccounts;
import io.smallrye.mutiny.Uni;

/** The usage page of docs/backend-calls.md, "Feature usage of a company". */
// tag::usage-page[]
@Path("/account/usage")
public class UsagePageResource {

    /** One row of the page: "Seats: 8 of 10", "API calls: 1,200 (unlimited)". */
    public record UsageRow(String feature, Long used, Long limit, Double percentUsed, Instant resetsAt) {
    }

    @Inject
    ReactiveSchematicAccounts accounts;

    @Inject
    CurrentAccount account;

    @GET
    public Uni<List<UsageRow>> usage() {
        return accounts.featureUsage(account.companyKeys())
                .map(features -> features.stream()
                        .filter(feature -> feature.usage() != null) // metered features only
                        .map(UsagePageResource::row)
                        .toList());
    }

    private static UsageRow row(FeatureUsage feature) {
        Long limit = feature.unlimited() ? null : feature.allocation();
        return new UsageRow(feature.featureName(), feature.usage(), limit, feature.percentUsed(),
                feature.metricResetAt());
    }
}
// end::usage-page[]
