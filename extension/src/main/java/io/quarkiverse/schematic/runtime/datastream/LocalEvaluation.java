package io.quarkiverse.schematic.runtime.datastream;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.schematic.FlagChanged;
import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkiverse.schematic.runtime.config.SchematicFixedConfig;
import io.quarkiverse.schematic.runtime.devui.DevServiceProtocol;
import io.quarkiverse.schematic.runtime.events.EventSink;
import io.quarkiverse.schematic.runtime.flags.LocalAnswers;
import io.quarkiverse.schematic.runtime.replicator.Replicator;
import io.quarkiverse.schematic.runtime.replicator.SharedEntityCopy;
import io.quarkiverse.schematic.runtime.sharedcache.RedisConnection;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheKeys;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Local evaluation as the rest of the extension sees it: off (the default without the dev service, and always in
 * offline mode), or a
 * {@link DataStreamClient} that connects at start-up, answers checks before the cache and the REST API, raises cached
 * usage on {@code track}, and fires {@link FlagChanged} for every flag change it receives; or, in replicator mode, a
 * {@link Replicator} that answers checks from the Redis Schematic's replicator fills (the replicator owns the
 * DataStream: no flag change events, and {@code track} raises nothing locally).
 */
@Singleton
public class LocalEvaluation {

    private static final Logger LOG = Logger.getLogger(LocalEvaluation.class);

    private final DataStreamClient client;
    /** Replicator mode: local evaluation from the replicator's Redis instead of {@link #client}. */
    private final Replicator replicator;
    /** Direct mode with {@code cache.backend=redis}: the entities shared with the fleet's other instances. */
    private final SharedEntityCopy shared;
    private final Event<FlagChanged> flagChanged;

    @Inject
    LocalEvaluation(SchematicConfig config, SchematicFixedConfig fixed, Vertx vertx, Event<FlagChanged> flagChanged,
            Instance<RedisConnection> redis) {
        this.flagChanged = flagChanged;
        boolean replicatorMode = fixed.localEvaluation().replicator().enabled();
        // with the dev service it is on unless the application says otherwise; a test resource that points the
        // application at another server (with another key) turns this default off again
        boolean enabled = config.localEvaluation().enabled()
                .orElseGet(() -> replicatorMode || DevServiceProtocol.inUse(config));
        if (enabled && config.offline()) {
            LOG.infof("%s is ignored in offline mode: flags answer from their defaults",
                    replicatorMode ? ConfigNames.REPLICATOR_ENABLED : ConfigNames.LOCAL_EVALUATION_ENABLED);
        }
        boolean on = enabled && !config.offline();
        // the deployment registers a Redis connection in replicator mode (and fails the build without the client)
        this.replicator = on && replicatorMode ? new Replicator(vertx, redis.get(), config.localEvaluation()) : null;
        boolean direct = on && !replicatorMode;
        // the deployment registers a Redis connection with cache.backend=redis
        this.shared = direct && redis.isResolvable() && redis.get().sharedCache() ? sharedCopy(config, redis.get())
                : null;
        this.client = direct
                ? new DataStreamClient(vertx, DataStreamUrl.of(config), config.apiKey().orElse(""),
                        config.localEvaluation(), new ObjectMapper(), this::fire,
                        shared == null ? EntityMirror.NONE : shared.writer())
                : null;
    }

    /** Only this method loads classes of the optional Redis client. */
    private static SharedEntityCopy sharedCopy(SchematicConfig config, RedisConnection redis) {
        SchematicConfig.RedisCacheConfig cache = config.cache().redis();
        return new SharedEntityCopy(redis, SharedCacheKeys.namespace(cache.namespace(), config.apiKey()),
                config.localEvaluation(), cache.timeout(), cache.nearCacheTtl());
    }

    void start(@Observes StartupEvent startup) {
        if (client != null) {
            client.start();
        }
        if (replicator != null) {
            replicator.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (client != null) {
            client.close();
        }
        if (replicator != null) {
            replicator.close();
        }
    }

    /** The event sink to use: with local evaluation, {@code track} also raises cached usage. */
    public EventSink observe(EventSink events) {
        return client == null ? events : new TrackedUsageSink(events, client);
    }

    /** The local answers for the flag evaluator, sending {@code flag_check} events to {@code events}. */
    public LocalAnswers answers(EventSink events) {
        if (replicator != null) {
            return new LocalFlagEvaluator(replicator.entities(), null, events);
        }
        if (client == null) {
            return LocalAnswers.NONE;
        }
        return shared == null ? new LocalFlagEvaluator(client, client, events)
                : answers(client, shared.reader(), events);
    }

    /**
     * Direct mode in a fleet: answers from this instance's DataStream replica, then from the entities other instances
     * shared in Redis ({@code shared}), then from requests over the DataStream.
     */
    public static LocalAnswers answers(DataStreamClient client, EntitySource shared, EventSink events) {
        return new LocalFlagEvaluator(new DataStreamWithSharedCopy(client, shared), client, events);
    }

    /** Local answers from these entities (the benchmarks assemble replicator mode with it). */
    public static LocalAnswers answers(EntitySource entities, EventSink events) {
        return new LocalFlagEvaluator(entities, null, events);
    }

    public DataStreamStatus status() {
        if (replicator != null) {
            return replicator.status();
        }
        return client == null ? DataStreamStatus.DISABLED : client.status();
    }

    /** Replicator mode's readiness and Redis state; empty in direct mode or when local evaluation is off. */
    public Optional<Replicator.Status> replicator() {
        return replicator == null ? Optional.empty() : Optional.of(replicator.details());
    }

    /** Failures of Redis reads and writes: of the replicator's Redis, or of the entities shared in direct mode. */
    public Optional<SharedCacheStatus> redis() {
        if (replicator != null) {
            return Optional.of(replicator.details().redis());
        }
        return shared == null ? Optional.empty() : Optional.of(shared.status());
    }

    /** The client, or {@code null} when local evaluation is off or in replicator mode. */
    public DataStreamClient client() {
        return client;
    }

    /** What this process holds for local evaluation: the client's caches, or the replicator's near caches. */
    public Optional<HeldEntities> held() {
        return Optional.ofNullable(replicator != null ? replicator.held() : client);
    }

    /**
     * Fires each change to synchronous observers, then asynchronous ones. Runs on the DataStream's own thread, so a
     * synchronous observer never runs on an event loop; an observer's failure is logged and goes no further.
     */
    private void fire(List<FlagChanged> changes) {
        for (FlagChanged change : changes) {
            try {
                flagChanged.fire(change);
            } catch (RuntimeException failure) {
                LOG.warnf(failure, "An observer of %s failed", change);
            }
            flagChanged.fireAsync(change).exceptionally(failure -> {
                LOG.warnf(failure, "An asynchronous observer of %s failed", change);
                return null;
            });
        }
    }
}
