package io.quarkiverse.schematic.runtime.replicator;

/**
 * For benchmarks only: empties the near caches of a replicator's replica, as a new cache version does, so that the
 * next check reads flag and company from Redis (a cold check). It lives in the replica's package because the replica
 * is package-private on purpose: the extension empties these caches only when the replicator's version changes.
 */
public final class ReplicaNearCaches {

    private ReplicaNearCaches() {
    }

    public static void forget(Replicator replicator) {
        ((RedisReplica) replicator.entities()).versionChanged();
    }
}
