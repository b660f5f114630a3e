package io.quarkiverse.schematic.runtime.sharedcache;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;

/**
 * The Redis data source of the shared cache and of replicator mode. The deployment module generates the one bean
 * implementing it, injecting the client named by {@code quarkus.schematic.cache.redis.client-name} (so that the Redis
 * extension creates that client), and only when the cache backend is Redis or replicator mode is on.
 */
public interface RedisConnection {

    ReactiveRedisDataSource dataSource();

    /** Whether flag-check answers are cached in Redis ({@code cache.backend=redis}), not only read in replicator mode. */
    boolean sharedCache();
}
