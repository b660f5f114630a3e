package io.quarkiverse.schematic.runtime.metrics;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.runtime.client.ApiCallListener;
import io.quarkiverse.schematic.runtime.client.ApiKeyRefusals;
import io.quarkiverse.schematic.runtime.client.ApiOutcome;
import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkiverse.schematic.runtime.flags.FlagCheckListener;

/**
 * Counts flag checks, times API calls and counts refusals of the API key. Tags are the flag name, the answer's source,
 * the operation, the outcome and the service: company and user keys never become tags (unbounded, and personal data).
 */
@Singleton
public class SchematicMetrics implements FlagCheckListener, ApiCallListener {

    static final int MAX_FLAGS = 1000;
    static final String CACHE_GETS = "schematic.flag.cache.gets";
    static final String API_REQUESTS = "schematic.api.requests";
    static final String KEY_REFUSALS = "schematic.api.key.refusals";

    private final MeterRegistry registry;
    private final FlagCheckCounters checks;
    private final boolean cacheEnabled;
    private final Counter cacheHits;
    private final Counter cacheMisses;

    SchematicMetrics(MeterRegistry registry, SchematicConfig config, ApiKeyRefusals refusals) {
        this.registry = registry;
        this.checks = new FlagCheckCounters(registry, MAX_FLAGS);
        this.cacheEnabled = !config.offline() && config.cache().enabled() && config.cache().maxSize() > 0;
        this.cacheHits = cacheGets(registry, "hit");
        this.cacheMisses = cacheGets(registry, "miss");
        for (ApiKeyRefusals.Service service : ApiKeyRefusals.Service.values()) {
            // read when the registry is scraped: nothing on the path of a call
            FunctionCounter.builder(KEY_REFUSALS, refusals, counts -> counts.count(service))
                    .description("Requests Schematic refused because of the API key (HTTP 401 or 403), by service")
                    .tag("service", service.tag())
                    .register(registry);
        }
    }

    private static Counter cacheGets(MeterRegistry registry, String result) {
        return Counter.builder(CACHE_GETS)
                .description("Flag checks looked up in the local cache, by result")
                .tag("result", result)
                .register(registry);
    }

    /** Runs on every check, cache hits included: two map lookups and two increments. */
    @Override
    public void checked(FlagCheck check) {
        checks.counter(check.flag(), check.source()).increment();
        if (check.source() == FlagSource.CACHE) {
            cacheHits.increment();
        } else if (cacheEnabled && check.source() != FlagSource.OFFLINE) {
            // answered by Schematic or, when it could not answer, by the default: either way the cache had nothing
            cacheMisses.increment();
        }
    }

    @Override
    public void completed(String operation, long durationNanos, Throwable failure) {
        Timer.builder(API_REQUESTS)
                .description("Calls to the Schematic API, retries included, by operation and outcome")
                .tag("operation", operation)
                .tag("outcome", ApiOutcome.of(failure).tag())
                .register(registry)
                .record(durationNanos, TimeUnit.NANOSECONDS);
    }
}
