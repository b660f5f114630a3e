/**
 * Internal: replicator mode ({@code quarkus.schematic.local-evaluation.replicator.enabled}). Schematic's replicator
 * ({@code schematic-replicator}, a separate service) alone holds the DataStream connection and writes flags, companies
 * and users into Redis; every instance polls the replicator's readiness endpoint for its state and cache version and
 * evaluates locally from what it reads from Redis, with a near cache in front. Only {@code RedisReplica} refers to the
 * optional {@code quarkus-redis-client}; it is loaded only in replicator mode. Not for users; may change in any release.
 */
package io.quarkiverse.schematic.runtime.replicator;
