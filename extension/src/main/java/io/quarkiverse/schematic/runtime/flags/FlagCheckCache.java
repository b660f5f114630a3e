package io.quarkiverse.schematic.runtime.flags;

import java.util.Map;
import java.util.Optional;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheStatus;
import io.smallrye.mutiny.Uni;

/**
 * Recent answers of Schematic, keyed by flag and company/user keys. Only successful remote answers are stored; a hit
 * is returned with source {@link FlagSource#CACHE}.
 * <p>
 * Two tiers at most: {@link #get} reads what is in this process and never waits (the blocking API calls it on the
 * caller's thread, the event loop included); {@link #lookupShared} reads a cache shared by every instance (Redis),
 * without blocking, and {@link #awaitShared} reads it for a caller that may block; both are only asked when
 * {@link #get} missed.
 */
public interface FlagCheckCache {

    /** What {@link #lookupShared} answers when there is no shared tier: no answer, without allocating. */
    Uni<FlagCheck> NO_SHARED_ANSWER = Uni.createFrom().nullItem();

    /** Whether anything is cached at all. */
    boolean enabled();

    /** The answer held in this process, or {@code null}; never waits. */
    FlagCheck get(String flag, Map<String, String> company, Map<String, String> user);

    /**
     * The answer of the shared tier, or a {@code null} item when it has none, has no shared tier or cannot be read in
     * time: it never fails. A hit is also kept in this process, so that the next {@link #get} finds it.
     */
    default Uni<FlagCheck> lookupShared(String flag, Map<String, String> company, Map<String, String> user) {
        return NO_SHARED_ANSWER;
    }

    /**
     * {@link #lookupShared} for a caller that may block: waits for the shared tier on the caller's thread, at most its
     * timeout, and answers {@code null} when it has no answer, has no shared tier or cannot be read in time.
     */
    default FlagCheck awaitShared(String flag, Map<String, String> company, Map<String, String> user) {
        return null;
    }

    /** Stores a remote answer; a shared tier is written in the background and a failure there is only counted. */
    void put(Map<String, String> company, Map<String, String> user, FlagCheck check);

    /** Forgets every answer held in this process, for example after a flag was changed on purpose. */
    void clear();

    /** Number of answers held in this process (approximate while entries expire). */
    long size();

    /** How the shared tier is doing, when there is one. */
    default Optional<SharedCacheStatus> shared() {
        return Optional.empty();
    }
}
