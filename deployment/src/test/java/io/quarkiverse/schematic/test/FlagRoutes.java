package io.quarkiverse.schematic.test;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.vertx.ext.web.Router;

/**
 * HTTP endpoints of the dev-mode test application: a flag check, a metered feature's check and track event, and the
 * base URL the extension uses.
 */
@ApplicationScoped
public class FlagRoutes {

    @Inject
    SchematicService schematic;

    @ConfigProperty(name = "quarkus.schematic.base-url")
    String baseUrl;

    void routes(@Observes Router router) {
        router.get("/flag/:name").blockingHandler(context -> {
            FlagCheck check = schematic.checkFlagDetails(context.pathParam("name"), Map.of(), Map.of());
            context.response().end("v1 " + check.value() + " " + check.source());
        });
        router.get("/base-url").handler(context -> context.response().end(baseUrl));
        router.get("/api-calls/:company").blockingHandler(context -> {
            FlagCheck check = schematic.checkFlagDetails("api-calls", Map.of("id", context.pathParam("company")),
                    Map.of());
            context.response().end(check.value() + " " + check.entitlement().usage() + "/"
                    + check.entitlement().allocation());
        });
        router.post("/api-calls/:company").blockingHandler(context -> {
            schematic.track(Track.event("api-call").company(Map.of("id", context.pathParam("company"))));
            schematic.flush();
            context.response().end("tracked");
        });
    }
}
