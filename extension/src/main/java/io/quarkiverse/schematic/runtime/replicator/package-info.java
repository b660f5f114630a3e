/**
 * Internal: replicator mode ({@code quarkus.schematic.local-evaluation.replicator.enabled}). Schematic's replicator
 * ({@code schematic-replicator}, a separate service) alone holds the DataStream connection and writes flags, companies
 * and users into Redis; every instance polls the replicator's readiness endpoint for its state and cache version and
 * evaluates locally from what it reads from Redis, with a near cache in front. In direct mode with
 * {@code cache.backend=redis}, {@code SharedEntityCopy} keeps the same layout under a version of its own: each instance
 * writes what its DataStream delivers ({@code RedisEntityWriter}) and reads what the others wrote
 * ({@code RedisReplica}). Only those two refer to the optional {@code quarkus-redis-client}; they are loaded only in
 * these modes. Not for users; may change in any release.
 */
package io.quarkiverse.schematic.runtime.replicator;
