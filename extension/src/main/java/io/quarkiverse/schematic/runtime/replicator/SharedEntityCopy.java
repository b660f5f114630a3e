package io.quarkiverse.schematic.runtime.replicator;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.schematic.runtime.config.SchematicConfig.LocalEvaluationConfig;
import io.quarkiverse.schematic.runtime.datastream.EntityMirror;
import io.quarkiverse.schematic.runtime.datastream.EntitySource;
import io.quarkiverse.schematic.runtime.sharedcache.RedisConnection;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheKeys;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheStatus;

/**
 * Direct mode with {@code cache.backend=redis}: the flags, companies and users each instance receives over its own
 * DataStream are written to Redis in the replicator's layout, and a company or user an instance does not hold is read
 * from there before it is requested over the WebSocket.
 * <p>
 * The version segment of the keys is {@code direct-v<format>-<namespace>}: the namespace of the shared cache (by
 * default derived from the API key) keeps environments apart, and the {@code direct-} prefix keeps these keys apart
 * from a replicator's (whose versions are hashes), so that an instance in replicator mode and one in direct mode of
 * the same environment never overwrite each other's entries. {@link #FORMAT_VERSION} changes when the encoding does.
 */
public final class SharedEntityCopy {

    /** Version of the entity encoding written by direct-mode instances; raise it whenever it changes. */
    public static final int FORMAT_VERSION = 1;

    private final SharedCacheStatus status = new SharedCacheStatus();
    private final RedisEntityWriter writer;
    private final RedisReplica reader;

    /**
     * @param timeout bound of every Redis call
     * @param nearCacheTtl how long an entity read from Redis is kept in this process
     */
    public SharedEntityCopy(RedisConnection redis, String namespace, LocalEvaluationConfig config, Duration timeout,
            Duration nearCacheTtl) {
        ObjectMapper json = new ObjectMapper();
        String version = version(namespace);
        this.writer = new RedisEntityWriter(redis, new ReplicatorKeys(version), config.cacheTtl(), timeout, json,
                status);
        this.reader = new RedisReplica(redis, () -> version, timeout, nearCacheTtl, config.maxFlags(),
                config.maxCompanies(), config.maxUsers(), json, status, "The shared copy of DataStream entities (Redis)",
                "checks request what they miss over the DataStream meanwhile; counted in"
                        + " schematic.datastream.redis.errors");
    }

    /** The version segment of the keys for this namespace. */
    public static String version(String namespace) {
        return "direct-v" + FORMAT_VERSION + "-" + SharedCacheKeys.escape(namespace);
    }

    /** Writes what the DataStream stores or removes. */
    public EntityMirror writer() {
        return writer;
    }

    /** Reads what other instances wrote (with its own near cache). */
    public EntitySource reader() {
        return reader;
    }

    /** Failures of reads and writes. */
    public SharedCacheStatus status() {
        return status;
    }
}
