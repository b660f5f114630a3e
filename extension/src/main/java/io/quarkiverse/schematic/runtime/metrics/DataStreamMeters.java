package io.quarkiverse.schematic.runtime.metrics;

import java.util.function.ToDoubleFunction;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.schematic.runtime.datastream.DataStreamStatus;
import io.quarkiverse.schematic.runtime.datastream.LocalEvaluation;
import io.quarkus.runtime.StartupEvent;

/**
 * Meters of local evaluation, read from the DataStream client's own counters when the registry is scraped (checks
 * answered locally are counted by {@code schematic.flag.checks} with {@code source=local}). Registered only when
 * local evaluation is on.
 */
@Singleton
public class DataStreamMeters {

    void register(@Observes StartupEvent startup, LocalEvaluation local, MeterRegistry registry) {
        if (!local.status().enabled()) {
            return;
        }
        Gauge.builder("schematic.datastream.connected", local, l -> l.status().connected() ? 1 : 0)
                .description("1 while the DataStream connection is open, else 0 (checks then ask the REST API)")
                .register(registry);
        counter(registry, local, "schematic.datastream.reconnects",
                "DataStream connections opened again after one was lost", DataStreamStatus::reconnects);
        counter(registry, local, "schematic.datastream.entity.wait.timeouts",
                "Companies and users the DataStream did not send within the entity wait timeout",
                DataStreamStatus::entityWaitTimeouts);
        counter(registry, local, "schematic.datastream.messages.ignored",
                "DataStream messages that could not be used", DataStreamStatus::ignoredMessages);
        counter(registry, local, "schematic.datastream.messages.dropped",
                "DataStream messages dropped because too many waited (each resynchronises)",
                DataStreamStatus::droppedMessages);
        cacheSize(registry, local, "flag", DataStreamStatus::flags);
        cacheSize(registry, local, "company", DataStreamStatus::companies);
        cacheSize(registry, local, "user", DataStreamStatus::users);
        local.redis().ifPresent(status -> RedisProblemCounters.register(registry, "schematic.datastream.redis.errors",
                "Calls to the Redis holding flags, companies and users (the replicator's, or the copy direct-mode"
                        + " instances share) that did not help (timeout, failure, a value that is not the replicator's"
                        + " JSON): the check went on without it",
                status));
    }

    private static void counter(MeterRegistry registry, LocalEvaluation local, String name, String description,
            ToDoubleFunction<DataStreamStatus> value) {
        FunctionCounter.builder(name, local, l -> value.applyAsDouble(l.status()))
                .description(description)
                .register(registry);
    }

    private static void cacheSize(MeterRegistry registry, LocalEvaluation local, String entity,
            ToDoubleFunction<DataStreamStatus> value) {
        Gauge.builder("schematic.datastream.cache.size", local, l -> value.applyAsDouble(l.status()))
                .description("Entities replicated from the DataStream, by type")
                .tag("entity", entity)
                .register(registry);
    }
}
