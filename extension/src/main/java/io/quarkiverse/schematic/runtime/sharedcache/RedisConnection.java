package io.quarkiverse.schematic.runtime.sharedcache;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;

/**
 * The Redis data source of the shared cache. The deployment module generates the one bean implementing it, injecting
 * the client named by {@code quarkus.schematic.cache.redis.client-name} (so that the Redis extension creates that
 * client), and only when the backend is Redis.
 */
public interface RedisConnection {

    ReactiveRedisDataSource dataSource();
}
