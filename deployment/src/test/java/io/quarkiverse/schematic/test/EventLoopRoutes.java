package io.quarkiverse.schematic.test;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkiverse.schematic.CheckContext;
import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.SchematicService;
import io.vertx.core.Context;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Vert.x routes whose handlers run on the event loop and call the blocking service there, as a mistaken application
 * would. Each answers one line per check: whether it ran on the event loop, then value, source and error.
 */
@ApplicationScoped
public class EventLoopRoutes {

    static final Map<String, String> ACME = Map.of("id", "acme");

    @Inject
    SchematicService schematic;

    void routes(@Observes Router router) {
        router.get("/event-loop/flag/:name").handler(context -> answer(context,
                List.of(schematic.checkFlagDetails(context.pathParam("name"), ACME, null))));
        router.get("/event-loop/flags/:names").handler(context -> answer(context,
                schematic.checkFlags(List.of(context.pathParam("names").split(",")), ACME, null)));
        router.get("/event-loop/all-flags").handler(context -> answer(context, schematic.checkFlags(ACME, null)));
        router.get("/event-loop/preflight/:name").handler(context -> answer(context,
                List.of(schematic.checkFlagDetails(context.pathParam("name"), ACME, null, Preflight.usage(5)))));
        router.get("/event-loop/all-flags-details").handler(context -> answer(context,
                schematic.checkFlagsDetails(ACME, null).flags()));
        router.get("/event-loop/bulk").handler(context -> answer(context,
                schematic.checkFlagsBulk(List.of(CheckContext.company(ACME), CheckContext.company(Map.of("id", "b"))))
                        .stream().flatMap(flags -> flags.flags().stream()).toList()));
        router.get("/event-loop/upsert").handler(context -> refusal(context,
                () -> schematic.upsertCompany(CompanyUpsert.keys(ACME))));
        router.get("/event-loop/flush").handler(context -> refusal(context, schematic::flush));
    }

    private static void answer(RoutingContext context, List<FlagCheck> checks) {
        StringBuilder lines = new StringBuilder();
        for (FlagCheck check : checks) {
            lines.append(Context.isOnEventLoopThread()).append(' ').append(check.flag()).append(' ')
                    .append(check.value()).append(' ').append(check.source()).append(' ').append(check.error())
                    .append('\n');
        }
        context.response().end(lines.toString());
    }

    /** What the call threw, as "class: message", on the event loop. */
    private static void refusal(RoutingContext context, Runnable call) {
        try {
            call.run();
            context.response().end("no exception");
        } catch (RuntimeException e) {
            context.response().end(Context.isOnEventLoopThread() + " " + e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
