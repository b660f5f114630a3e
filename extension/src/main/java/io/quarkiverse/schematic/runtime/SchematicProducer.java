package io.quarkiverse.schematic.runtime;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkiverse.schematic.OfflineEventListener;
import io.quarkiverse.schematic.ReactiveSchematicService;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.runtime.client.ApiCallListener;
import io.quarkiverse.schematic.runtime.client.CallPolicy;
import io.quarkiverse.schematic.runtime.client.EventBatch;
import io.quarkiverse.schematic.runtime.client.EventCaptureApi;
import io.quarkiverse.schematic.runtime.client.ObservedSchematicApi;
import io.quarkiverse.schematic.runtime.client.SchematicApi;
import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkiverse.schematic.runtime.datastream.LocalEvaluation;
import io.quarkiverse.schematic.runtime.events.EventBuffer;
import io.quarkiverse.schematic.runtime.events.EventSink;
import io.quarkiverse.schematic.runtime.events.OfflineEventSink;
import io.quarkiverse.schematic.runtime.flags.FlagCheckCache;
import io.quarkiverse.schematic.runtime.flags.FlagCheckListener;
import io.quarkiverse.schematic.runtime.flags.FlagDefaults;
import io.quarkiverse.schematic.runtime.flags.FlagEvaluator;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Creates the services from {@code quarkus.schematic.*}.
 */
@Singleton
public class SchematicProducer {

    /** The core, once created: shutdown must not create one just to close it. */
    private volatile SchematicCore created;

    @Produces
    @Singleton
    SchematicCore core(SchematicConfig config, @RestClient SchematicApi client, @RestClient EventCaptureApi capture,
            Instance<FlagCheckListener> listeners, Instance<ApiCallListener> apiListeners,
            Instance<OfflineEventListener> offlineListeners, LocalEvaluation local) {
        SchematicApi api = observed(client, apiListeners.stream().toList());
        FlagCheckCache cache = config.cache().enabled() && config.cache().maxSize() > 0
                ? FlagCheckCache.bounded(config.cache().maxSize(), config.cache().ttl())
                : FlagCheckCache.disabled();
        EventSink events = local.observe(events(config, capture, offlineListeners.stream().toList()));
        FlagEvaluator flags = new FlagEvaluator(api, cache, new FlagDefaults(config.flagDefaults()), config.offline(),
                combined(listeners.stream().toList()), local.answers(events));
        created = new SchematicCore(api, flags, events, config.offline(), config.maxRetries());
        return created;
    }

    private static EventSink events(SchematicConfig config, EventCaptureApi capture,
            List<OfflineEventListener> offlineListeners) {
        if (config.offline()) {
            return new OfflineEventSink(offlineListeners.isEmpty() ? (type, body) -> {
            } : (type, body) -> EventBodies.replay(body, offlineListeners));
        }
        SchematicConfig.EventsConfig events = config.events();
        return new EventBuffer(batch -> capture.send(new EventBatch(batch)).await().indefinitely(),
                config.apiKey().orElseThrow(), events.capacity(), events.maxBatchSize(), events.flushInterval(),
                events.shutdownTimeout());
    }

    /** The client itself when nobody listens: no per-call overhead unless health or metrics are on. */
    private static SchematicApi observed(SchematicApi client, List<ApiCallListener> listeners) {
        if (listeners.isEmpty()) {
            return client;
        }
        return new ObservedSchematicApi(client, (operation, nanos, failure) -> listeners
                .forEach(listener -> listener.completed(operation, nanos, failure)));
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

    private static DefaultReactiveSchematicService defaultView(SchematicCore core) {
        return new DefaultReactiveSchematicService(core, new CallPolicy(core.configuredMaxRetries(), null));
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
    }
}
