package io.quarkiverse.schematic.docs.snippets.openfeature;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import io.quarkiverse.schematic.openfeature.FlagMetadataKeys;

@ApplicationScoped
public class ReportAccess {

    // tag::openfeature-evaluate[]
    private final Client flags = OpenFeatureAPI.getInstance().getClient();

    public boolean canExport(String tenant, String userId, String email) {
        EvaluationContext context = new ImmutableContext(userId, Map.of( // targeting key: user "id"
                "company.id", new Value(tenant), // company key "id"
                "user", new Value(new ImmutableStructure(Map.of("email", new Value(email)))))); // user key "email"
        return flags.getBooleanValue("export-reports", false, context);
    }
    // end::openfeature-evaluate[]

    // tag::openfeature-metadata[]
    public String seatsLabel(String tenant) {
        FlagEvaluationDetails<Boolean> seats = flags.getBooleanDetails("seats", false,
                new ImmutableContext(Map.of("company.id", new Value(tenant))));
        ImmutableMetadata metadata = seats.getFlagMetadata();
        Long usage = metadata.getLong(FlagMetadataKeys.USAGE);
        Long allocation = metadata.getLong(FlagMetadataKeys.ALLOCATION);
        return usage == null || allocation == null ? "" : usage + " of " + allocation + " seats";
    }
    // end::openfeature-metadata[]
}
