package io.quarkiverse.schematic.runtime.replicator;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.schematic.runtime.config.SchematicConfig.LocalEvaluationConfig;
import io.quarkiverse.schematic.runtime.config.SchematicConfig.ReplicatorConfig;
import io.quarkiverse.schematic.runtime.datastream.DataStreamStatus;
import io.quarkiverse.schematic.runtime.datastream.EntitySource;
import io.quarkiverse.schematic.runtime.datastream.HeldEntities;
import io.quarkiverse.schematic.runtime.sharedcache.RedisConnection;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheStatus;
import io.vertx.core.Vertx;

/**
 * Replicator mode: local evaluation from the Redis that Schematic's replicator fills, while its readiness endpoint
 * says ready; no DataStream connection of this instance.
 */
public final class Replicator {

    /** {@link DataStreamStatus#state()} while the replicator is ready. */
    public static final String READY = DataStreamStatus.REPLICATOR_READY;
    /** {@link DataStreamStatus#state()} while it is not (or its endpoint does not answer). */
    public static final String NOT_READY = "replicator-not-ready";

    /** What readiness and meters show of replicator mode. */
    public record Status(boolean ready, String cacheVersion, String problem, SharedCacheStatus redis) {
    }

    private final ReplicatorReadiness readiness;
    private final RedisReplica replica;
    private final SharedCacheStatus redisStatus = new SharedCacheStatus();

    public Replicator(Vertx vertx, RedisConnection redis, LocalEvaluationConfig config) {
        ReplicatorConfig replicator = config.replicator();
        ObjectMapper json = new ObjectMapper();
        // the readiness reports a new version only once started, when the replica exists
        this.readiness = new ReplicatorReadiness(vertx, replicator.readyUrl(), replicator.pollInterval(), json,
                this::versionChanged);
        this.replica = new RedisReplica(redis, this::readableVersion, replicator.redisTimeout(),
                replicator.nearCacheTtl(), config.maxFlags(), config.maxCompanies(), config.maxUsers(), json, redisStatus,
                "The replicator's Redis", "flag checks not answered from this process ask the REST API meanwhile;"
                        + " counted in schematic.datastream.redis.errors");
    }

    /** The replicator's cache version while it is ready: nothing is read from Redis otherwise. */
    private String readableVersion() {
        ReplicatorReadiness.State state = readiness.state();
        return state.ready() ? state.cacheVersion() : null;
    }

    private void versionChanged(String version) {
        replica.versionChanged();
    }

    public void start() {
        readiness.start();
    }

    public void close() {
        readiness.close();
    }

    /** Flags, companies and users for local evaluation. */
    public EntitySource entities() {
        return replica;
    }

    /** The flags, companies and users of the near caches. */
    public HeldEntities held() {
        return replica;
    }

    public DataStreamStatus status() {
        return new DataStreamStatus(readiness.ready() ? READY : NOT_READY, readiness.url(), readiness.ready(),
                replica.flagCount(), replica.companyCount(), replica.userCount(), 0, 0, 0, 0, 0);
    }

    public Status details() {
        ReplicatorReadiness.State state = readiness.state();
        return new Status(state.ready(), state.cacheVersion(), state.problem(), redisStatus);
    }
}
