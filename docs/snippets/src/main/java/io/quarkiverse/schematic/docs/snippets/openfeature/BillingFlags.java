package io.quarkiverse.schematic.docs.snippets.openfeature;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.openfeature.sdk.OpenFeatureAPI;
import io.quarkiverse.schematic.openfeature.SchematicProvider;
import io.quarkus.runtime.StartupEvent;

// tag::openfeature-domain[]
@ApplicationScoped
public class BillingFlags {

    // with quarkus.schematic.openfeature.enabled=false: Schematic answers only the "billing" domain
    void register(@Observes StartupEvent start, SchematicProvider schematic) {
        OpenFeatureAPI.getInstance().setProviderAndWait("billing", schematic);
    }
}
// end::openfeature-domain[]
