package io.quarkiverse.schematic.docs.snippets.guide;

import java.time.Duration;
import java.util.List;
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
import io.quarkiverse.schematic.User;
import io.quarkiverse.schematic.UserUpsert;

@ApplicationScoped
public class GuideExamples {

    // tag::guide-inject[]
    @Inject
    SchematicService schematic; // blocking API

    @Inject
    ReactiveSchematicService reactive; // the same operations returning Uni
    // end::guide-inject[]

    void checkFlags(Map<String, String> company, Map<String, String> user) {
        // tag::guide-check-flags[]
        boolean on = schematic.checkFlag("new-dashboard", company, user);
        boolean fallback = schematic.checkFlag("new-dashboard"); // no keys: the flag's default in Schematic
        FlagCheck details = schematic.checkFlagDetails("new-dashboard", company, user);
        List<FlagCheck> all = schematic.checkFlags(company, user); // every flag for these keys
        List<FlagCheck> some = schematic.checkFlags(List.of("a", "b"), company, user); // in this order
        // end::guide-check-flags[]
    }

    void sendEvents(Map<String, String> company, Map<String, String> user) {
        // tag::guide-events[]
        schematic.identify(Identify.user(user).name("Jane").traits(Map.of("role", "admin"))
                .company(company, "Acme Inc", Map.of("seats", 40)));
        schematic.track(Track.event("query-tokens").company(company).user(user).quantity(1500));
        // end::guide-events[]
    }

    void upsert() {
        // tag::guide-upserts[]
        Company company = schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))
                .name("Acme Inc").traits(Map.of("seats", 40)));
        User user = schematic.upsertUser(UserUpsert.keys(Map.of("email", "jane@acme.com"))
                .company(Map.of("id", "acme")).name("Jane"));
        // end::guide-upserts[]
    }

    void withOptions() {
        // tag::guide-with-options[]
        SchematicService quick = schematic.withOptions(RequestOptions.timeout(Duration.ofSeconds(2)).maxRetries(0));
        Company stored = quick.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme")).name("Acme Inc"));
        // end::guide-with-options[]
    }
}
