package io.quarkiverse.schematic.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkiverse.schematic.OfflineEventListener;
import io.quarkiverse.schematic.OfflineFlagSource;
import io.quarkiverse.schematic.ReactiveSchematicAccounts;
import io.quarkiverse.schematic.ReactiveSchematicService;
import io.quarkiverse.schematic.SchematicAccounts;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.runtime.client.ApiCallListener;
import io.quarkiverse.schematic.runtime.client.ApiKeyRefusals;
import io.quarkiverse.schematic.runtime.client.CallPolicy;
import io.quarkiverse.schematic.runtime.client.CheckFlagBreaker;
import io.quarkiverse.schematic.runtime.client.EventBatch;
import io.quarkiverse.schematic.runtime.client.EventCaptureApi;
import io.quarkiverse.schematic.runtime.client.ObservedSchematicApi;
import io.quarkiverse.schematic.runtime.client.SchematicApi;
import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkiverse.schematic.runtime.context.CallerContexts;
import io.quarkiverse.schematic.runtime.datastream.LocalEvaluation;
import io.quarkiverse.schematic.runtime.events.EventBuffer;
import io.quarkiverse.schematic.runtime.events.EventSender;
import io.quarkiverse.schematic.runtime.events.EventSink;
import io.quarkiverse.schematic.runtime.events.OfflineEventSink;
import io.quarkiverse.schematic.runtime.flags.CoarseTicker;
import io.quarkiverse.schematic.runtime.flags.FlagCheckCache;
import io.quarkiverse.schematic.runtime.flags.FlagCheckListener;
import io.quarkiverse.schematic.runtime.flags.FlagDefaults;
import io.quarkiverse.schematic.runtime.flags.FlagEvaluator;
import io.quarkiverse.schematic.runtime.flags.LocalFlagCheckCache;
import io.quarkiverse.schematic.runtime.flags.OfflineAnswers;
import io.quarkiverse.schematic.runtime.sharedcache.RedisConnection;
import io.quarkiverse.schematic.runtime.sharedcache.RedisFlagCheckCache;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheKeys;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.Vertx;

/**
 * Creates the services from {@code quarkus.schematic.*}.
 */
@Singleton
public class SchematicProducer {

    /** Name of the event-capture call in logs and health data. */
    private static final String SEND_EVENTS = "sendEvents";

    /** The core, once created: shutdown must not create one just to close it. */
    private volatile SchematicCore created;
    /** The clock of the flag-check cache held in this process, when there is one: its timer stops with the core. */
    private volatile CoarseTicker cacheClock;

    @Produces
    @Singleton
    SchematicCore core(SchematicConfig config, @RestClient SchematicApi client, @RestClient EventCaptureApi capture,
            ApiKeyRefusals refusals, Instance<FlagCheckListener> listeners, Instance<ApiCallListener> apiListeners,
            Instance<OfflineEventListener> offlineListeners, Instance<OfflineFlagSource> offlineSources,
            CallerContexts callers, Instance<RedisConnection> redis, LocalEvaluation local,
            CircuitBreakerMaintenance breakers, Vertx vertx) {
        List<ApiCallListener> observers = new ArrayList<>(apiListeners.stream().toList());
        observers.add(refusals.apiListener());
        ApiCallListener[] each = observers.toArray(ApiCallListener[]::new);
        ApiCallListener observer = (operation, nanos, failure) -> {
            // an indexed loop over an array: neither a lambda capturing the arguments nor an iterator per call
            for (int i = 0; i < each.length; i++) {
                each[i].completed(operation, nanos, failure);
            }
        };
        SchematicApi api = new ObservedSchematicApi(client, observer);
        FlagCheckCache cache = cache(config, redis, vertx);
        EventSink events = local.observe(events(config, capture, refusals, offlineListeners.stream().toList()));
        FlagEvaluator flags = new FlagEvaluator(api, cache, new FlagDefaults(config.flagDefaults()), config.offline(),
                combined(listeners.stream().toList()), new OfflineAnswers(offlineSources.stream().toList()),
                local.answers(events), breaker(config, breakers, observer));
        created = new SchematicCore(api, flags, events, config.offline(), config.maxRetries(), callers);
        return created;
    }

    /**
     * The Redis cache when the deployment registered a connection for it ({@code cache.backend=redis}), else the local
     * one.
     * Only the Redis branch loads classes of the optional Redis client.
     */
    private FlagCheckCache cache(SchematicConfig config, Instance<RedisConnection> redis, Vertx vertx) {
        SchematicConfig.CacheConfig cache = config.cache();
        if (config.offline() || !cache.enabled()) {
            return LocalFlagCheckCache.disabled();
        }
        if (redis.isResolvable() && redis.get().sharedCache()) {
            SchematicConfig.RedisCacheConfig shared = cache.redis();
            // an answer read from Redis is kept here at most as long as Redis keeps it
            Duration nearTtl = shared.nearCacheTtl().compareTo(cache.ttl()) < 0 ? shared.nearCacheTtl() : cache.ttl();
            return new RedisFlagCheckCache(redis.get(),
                    new SharedCacheKeys(SharedCacheKeys.namespace(shared.namespace(), config.apiKey())), cache.ttl(),
                    shared.timeout(), inProcess(shared.nearCacheMaxSize(), nearTtl, vertx), new SharedCacheStatus());
        }
        return inProcess(cache.maxSize(), cache.ttl(), vertx);
    }

    /** The cache held in this process, with its clock (whose timer stops with the core); none for a size of 0. */
    private LocalFlagCheckCache inProcess(int maxSize, Duration ttl, Vertx vertx) {
        if (maxSize <= 0) {
            return LocalFlagCheckCache.disabled();
        }
        cacheClock = CoarseTicker.forTtl(vertx, ttl);
        return LocalFlagCheckCache.bounded(maxSize, ttl, cacheClock);
    }

    /** Follows the breaker of flag checks when there is one, so that checks refused anyway cost nothing. */
    private static CheckFlagBreaker breaker(SchematicConfig config, CircuitBreakerMaintenance breakers,
            ApiCallListener observer) {
        if (config.offline() || !config.circuitBreaker().enabled()) {
            return CheckFlagBreaker.NONE;
        }
        return CheckFlagBreaker.follow(breakers, config.circuitBreaker().delay(), observer);
    }

    private static EventSink events(SchematicConfig config, EventCaptureApi capture, ApiKeyRefusals refusals,
            List<OfflineEventListener> offlineListeners) {
        if (config.offline()) {
            return new OfflineEventSink(offlineListeners.isEmpty() ? event -> {
            } : event -> PublicEvents.replay(event, offlineListeners));
        }
        SchematicConfig.EventsConfig events = config.events();
        return new EventBuffer(sender(capture, refusals), config.apiKey().orElseThrow(), events.capacity(),
                events.maxBatchSize(), events.flushInterval(), events.shutdownTimeout());
    }

    /** Sends one batch and tells {@link ApiKeyRefusals} whether the capture service took the key. */
    private static EventSender sender(EventCaptureApi capture, ApiKeyRefusals refusals) {
        return batch -> {
            try {
                capture.send(new EventBatch(batch)).await().indefinitely();
            } catch (RuntimeException failure) {
                refusals.completed(ApiKeyRefusals.Service.EVENT_CAPTURE, SEND_EVENTS, failure);
                throw failure;
            }
            refusals.completed(ApiKeyRefusals.Service.EVENT_CAPTURE, SEND_EVENTS, null);
        };
    }

    private static FlagCheckListener combined(List<FlagCheckListener> listeners) {
        if (listeners.isEmpty()) {
            return FlagCheckListener.NONE;
        }
        if (listeners.size() == 1) {
            return listeners.get(0);
        }
        return check -> listeners.forEach(listener -> listener.checked(check));
    }

    /*
     * The services are @ApplicationScoped, as users expect (and as @InjectMock needs); the client proxy costs a few
     * nanoseconds per call. SchematicCore stays a singleton: only our own code injects it.
     */
    @Produces
    @ApplicationScoped
    ReactiveSchematicService reactive(SchematicCore core) {
        return defaultView(core);
    }

    @Produces
    @ApplicationScoped
    SchematicService blocking(SchematicCore core) {
        return new DefaultSchematicService(defaultView(core));
    }

    /** The account calls: beside the services, with the same default policy. */
    @Produces
    @ApplicationScoped
    ReactiveSchematicAccounts reactiveAccounts(SchematicCore core) {
        return new DefaultReactiveSchematicAccounts(core, defaultPolicy(core));
    }

    @Produces
    @ApplicationScoped
    SchematicAccounts accounts(SchematicCore core) {
        return new DefaultSchematicAccounts(new DefaultReactiveSchematicAccounts(core, defaultPolicy(core)));
    }

    private static DefaultReactiveSchematicService defaultView(SchematicCore core) {
        return new DefaultReactiveSchematicService(core, defaultPolicy(core));
    }

    /** The configured retries, no deadline beyond the per-attempt timeout. */
    private static CallPolicy defaultPolicy(SchematicCore core) {
        return new CallPolicy(core.configuredMaxRetries(), null);
    }

    /** Delivers the queued events while the REST client and Vert.x are still up. */
    void deliverEventsOnShutdown(@Observes ShutdownEvent shutdown) {
        SchematicCore core = created;
        if (core != null) {
            core.events().close();
        }
    }

    void close(@Disposes SchematicCore core) {
        core.events().close();
        CoarseTicker clock = cacheClock;
        if (clock != null) {
            clock.close();
        }
    }
}
