package io.quarkiverse.schematic.runtime.datastream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Companies or users replicated from the DataStream: at most {@code maxSize} entities, each kept for {@code ttl}
 * after its last update, found by id or by any of their key/value pairs.
 * <p>
 * A bounded Caffeine cache by id owns the entities: it decides eviction and expiry. Checks find an entity through an
 * index from each key value (without case) to the {@link CachedEntity cached entities} holding it under a key name,
 * so that a hit costs one map look-up per request key and no look-up in Caffeine (the index lookup is most of a
 * memoized local check). The index follows every change of the cache inside Caffeine's atomic operation on the
 * entity's id, so two changes of one entity cannot leave it pointing to the older one; eviction removes what pointed
 * to the evicted entity. A hit checks expiry itself, by the same clock, and one hit in {@value #READS_RECORDED} is
 * also read through Caffeine so that size-based eviction still sees which entities are in use.
 * <p>
 * Entities are immutable: an update stores a new {@code CachedEntity} (with an empty memo of local answers), and
 * every key sees the new one when the update returns.
 *
 * @param <T> {@code RulesCompany} or {@code RulesUser}
 */
final class EntityStore<T> {

    /** A power of two: one hit in this many is recorded in Caffeine's eviction policy. */
    static final int READS_RECORDED = 16;

    private final Function<T, String> idOf;
    private final Function<T, Map<String, String>> keysOf;
    private final Ticker clock;
    private final long ttlNanos;
    private final Cache<String, CachedEntity<T>> byId;
    /** Lower-case key value, then the entities holding it, each under a lower-case key name. */
    private final Map<String, Posting<T>[]> byValue = new ConcurrentHashMap<>();

    /** @param clock what the TTL is measured by */
    EntityStore(int maxSize, Duration ttl, Ticker clock, Function<T, String> idOf,
            Function<T, Map<String, String>> keysOf) {
        this.idOf = idOf;
        this.keysOf = keysOf;
        this.clock = clock;
        this.ttlNanos = ttl.toNanos();
        this.byId = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfterWrite(ttl)
                .ticker(clock)
                // eviction runs on the writing thread: cheap, and the index is cleaned before the write returns
                .executor(Runnable::run)
                .<String, CachedEntity<T>> evictionListener((id, cached, cause) -> {
                    if (cached != null) {
                        unindex(cached, null);
                    }
                })
                .build();
    }

    /**
     * The entity these request keys identify, or {@code null} when none is cached or when the keys point to two
     * different entities (the DataStream then settles it: a request for the keys re-indexes them).
     */
    T find(Map<String, String> keys) {
        CachedEntity<T> found = findCached(keys);
        return found == null ? null : found.entity;
    }

    /** Like {@link #find}, with the memo of the entity's local answers. */
    CachedEntity<T> findCached(Map<String, String> keys) {
        CachedEntity<T> found = null;
        for (Map.Entry<String, String> key : keys.entrySet()) {
            CachedEntity<T> indexed = indexed(key.getKey(), key.getValue());
            if (indexed != null && indexed != found) {
                if (found == null) {
                    found = indexed;
                } else if (idOf.apply(found.entity).equals(idOf.apply(indexed.entity))) {
                    // read while an update of it re-indexed its keys: the newer one
                    found = indexed.stamp > found.stamp ? indexed : found;
                } else {
                    return null;
                }
            }
        }
        return found == null ? null : live(found);
    }

    /** The entity unless expired; one call in {@value #READS_RECORDED} asks Caffeine, recording the read. */
    private CachedEntity<T> live(CachedEntity<T> cached) {
        if (ThreadLocalRandom.current().nextInt(READS_RECORDED) == 0) {
            return byId.getIfPresent(idOf.apply(cached.entity)) == null ? null : cached;
        }
        return clock.read() - cached.writtenAt < ttlNanos ? cached : null;
    }

    T byId(String id) {
        CachedEntity<T> found = byId.getIfPresent(id);
        return found == null ? null : found.entity;
    }

    /** Stores an entity (in place of the one with its id) and indexes its keys; keys it lost are forgotten. */
    void put(T entity) {
        byId.asMap().compute(idOf.apply(entity), (id, previous) -> replace(previous, entity));
    }

    /** Removes the entity with this id and its keys; returns it, or {@code null}. */
    T remove(String id) {
        List<T> removed = new ArrayList<>(1);
        byId.asMap().computeIfPresent(id, (key, cached) -> {
            unindex(cached, null);
            removed.add(cached.entity);
            return null;
        });
        return removed.isEmpty() ? null : removed.get(0);
    }

    /**
     * Replaces the entity with this id by {@code change} applied to it, atomically with other updates of it; nothing
     * when it is not cached. A change that returns the same entity keeps its memo.
     */
    void update(String id, UnaryOperator<T> change) {
        byId.asMap().computeIfPresent(id, (key, cached) -> {
            T changed = change.apply(cached.entity);
            return changed == cached.entity ? cached : replace(cached, changed);
        });
    }

    /** Within Caffeine's operation on the id: the new entity, indexed, and the previous one's keys dropped. */
    private CachedEntity<T> replace(CachedEntity<T> previous, T entity) {
        CachedEntity<T> cached = new CachedEntity<>(entity, clock.read());
        Map<String, String> keys = keysOf.apply(entity);
        keys.forEach((name, value) -> index(name, value, cached));
        if (previous != null) {
            unindex(previous, keys);
        }
        return cached;
    }

    /** Every cached entity (a snapshot). */
    List<T> all() {
        List<T> all = new ArrayList<>();
        byId.asMap().values().forEach(cached -> all.add(cached.entity));
        return all;
    }

    long size() {
        return byId.estimatedSize();
    }

    /** Key/value pairs indexed: never more than the cached entities' keys (tests check the memory bound with it). */
    int indexedKeys() {
        return byValue.values().stream().mapToInt(postings -> postings.length).sum();
    }

    /** The entity indexed for this pair, or {@code null}; a missing name or value matches nothing. */
    private CachedEntity<T> indexed(String name, String value) {
        if (name == null || value == null) {
            return null;
        }
        // the index holds lower-case values: most callers' values are, and then the look-up needs no lower-casing
        Posting<T>[] postings = byValue.get(value);
        if (postings == null) {
            String lowerCase = value.toLowerCase(Locale.ROOT);
            postings = lowerCase == value ? null : byValue.get(lowerCase);
        }
        if (postings != null) {
            for (Posting<T> posting : postings) {
                if (posting.name.equalsIgnoreCase(name)) {
                    return posting.entity;
                }
            }
        }
        return null;
    }

    /** Points this pair to {@code cached}, in place of whatever entity it pointed to. */
    private void index(String name, String value, CachedEntity<T> cached) {
        // interned: a caller's key name is usually a literal, and equalsIgnoreCase answers for the same instance at once
        String lowerName = name.toLowerCase(Locale.ROOT).intern();
        byValue.compute(value.toLowerCase(Locale.ROOT), (lowerValue, postings) -> {
            Posting<T> posting = new Posting<>(lowerName, cached);
            if (postings == null) {
                return newPostings(posting);
            }
            for (int i = 0; i < postings.length; i++) {
                if (postings[i].name.equals(lowerName)) {
                    Posting<T>[] replaced = postings.clone();
                    replaced[i] = posting;
                    return replaced;
                }
            }
            Posting<T>[] added = Arrays.copyOf(postings, postings.length + 1);
            added[postings.length] = posting;
            return added;
        });
    }

    /** Drops the pairs of {@code cached}'s keys that still point to it, except those in {@code kept}. */
    private void unindex(CachedEntity<T> cached, Map<String, String> kept) {
        keysOf.apply(cached.entity).forEach((name, value) -> {
            if (kept == null || !value.equals(kept.get(name))) {
                byValue.computeIfPresent(value.toLowerCase(Locale.ROOT), (lowerValue, postings) -> without(postings,
                        cached));
            }
        });
    }

    /** The postings but those pointing to {@code cached}; {@code null} (no mapping) when none is left. */
    private static <T> Posting<T>[] without(Posting<T>[] postings, CachedEntity<T> cached) {
        int kept = 0;
        for (Posting<T> posting : postings) {
            kept += posting.entity == cached ? 0 : 1;
        }
        if (kept == postings.length) {
            return postings;
        }
        if (kept == 0) {
            return null;
        }
        Posting<T>[] remaining = Arrays.copyOf(postings, kept);
        int i = 0;
        for (Posting<T> posting : postings) {
            if (posting.entity != cached) {
                remaining[i++] = posting;
            }
        }
        return remaining;
    }

    @SuppressWarnings("unchecked")
    private static <T> Posting<T>[] newPostings(Posting<T> posting) {
        return new Posting[] { posting };
    }

    /** One entity holding a key value under a key name. */
    private record Posting<T>(String name, CachedEntity<T> entity) {
    }
}
