package io.quarkiverse.schematic.runtime.metrics;

import java.util.function.ToLongFunction;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.schematic.runtime.SchematicCore;
import io.quarkiverse.schematic.runtime.events.EventSink;
import io.quarkiverse.schematic.runtime.events.EventStats;
import io.quarkus.runtime.StartupEvent;

/**
 * Meters read from the event buffer's own counters and the flag cache (and its shared tier) when the registry is scraped:
 * nothing is added
 * to the path of {@code identify}/{@code track}. Registered at start-up rather than by {@link SchematicMetrics},
 * which the core needs before it exists.
 */
@Singleton
public class EventMeters {

    static final String SHARED_CACHE_ERRORS = "schematic.flag.cache.shared.errors";

    void register(@Observes StartupEvent startup, SchematicCore core, MeterRegistry registry) {
        EventSink events = core.events();
        counter(registry, events, "schematic.events.enqueued", "Events accepted into the buffer", EventStats::accepted);
        counter(registry, events, "schematic.events.sent", "Events the capture service accepted",
                EventStats::delivered);
        counter(registry, events, "schematic.events.dropped", "Events dropped: buffer full, closed, or offline mode",
                EventStats::dropped);
        counter(registry, events, "schematic.events.rejected", "Events Schematic refused with a 4xx status",
                EventStats::rejected);
        counter(registry, events, "schematic.events.lost", "Events still queued when shutdown gave up",
                EventStats::lost);
        Gauge.builder("schematic.events.queued", events, sink -> sink.stats().queued())
                .description("Events waiting in the buffer")
                .register(registry);
        Gauge.builder("schematic.flag.cache.size", core, c -> c.flags().cache().size())
                .description("Flag checks in the local cache (the near cache in front of a shared one)")
                .register(registry);
        core.flags().cache().shared().ifPresent(shared -> RedisProblemCounters.register(registry, SHARED_CACHE_ERRORS,
                "Calls to the shared flag-check cache (Redis) that were treated as a miss, by kind: timeout, failure,"
                        + " unreadable value",
                shared));
    }

    private static void counter(MeterRegistry registry, EventSink events, String name, String description,
            ToLongFunction<EventStats> value) {
        FunctionCounter.builder(name, events, sink -> value.applyAsLong(sink.stats()))
                .description(description)
                .register(registry);
    }
}
