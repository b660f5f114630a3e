package io.quarkiverse.schematic.runtime.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheStatus;

/**
 * One counter per kind of Redis problem (timeout, failure, unreadable value), read from a {@link SharedCacheStatus}
 * when the registry is scraped: the shared flag-check cache and the Redis of local evaluation count their problems
 * the same way, under their own names.
 */
final class RedisProblemCounters {

    private RedisProblemCounters() {
    }

    static void register(MeterRegistry registry, String name, String description, SharedCacheStatus status) {
        for (SharedCacheStatus.Problem problem : SharedCacheStatus.Problem.values()) {
            FunctionCounter.builder(name, status, counts -> counts.count(problem))
                    .description(description)
                    .tag("kind", problem.tag())
                    .register(registry);
        }
    }
}
