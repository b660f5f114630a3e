package io.quarkiverse.schematic.docs.snippets.readme;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.ReactiveSchematicService;
import io.quarkiverse.schematic.RequestOptions;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MoreCalls {

    @Inject
    SchematicService schematic;

    @Inject
    ReactiveSchematicService reactive;

    void taste(Map<String, String> company, Map<String, String> user) {
        // tag::readme-calls[]
        FlagCheck details = schematic.checkFlagDetails("new-dashboard", company, user); // value, reason, source...
        Uni<Boolean> onEventLoop = reactive.checkFlag("new-dashboard", company, user); // never blocks

        schematic.track(Track.event("query-tokens").company(company).quantity(1500)); // usage metering, buffered
        schematic.identify(Identify.user(user).name("Jane").company(company)); // buffered

        Company stored = schematic.upsertCompany(CompanyUpsert.keys(company).name("Acme Inc"));
        SchematicService quick = schematic.withOptions(RequestOptions.timeout(Duration.ofSeconds(2)).maxRetries(0));
        // end::readme-calls[]
    }
}
