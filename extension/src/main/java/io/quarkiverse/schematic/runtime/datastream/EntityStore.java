package io.quarkiverse.schematic.runtime.datastream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.quarkiverse.schematic.runtime.flags.SampledReads;

/**
 * Companies or users replicated from the DataStream: at most {@code maxSize} entities, each kept for {@code ttl}
 * after its last update, found by id or by any of their key/value pairs.
 * <p>
 * Entities live in one bounded Caffeine cache by id; an index maps each key/value pair (without case) to an id and
 * loses an entity's pairs when the cache evicts it, so the index never outgrows the cache. The index is keyed by key
 * name, then value, so that a lookup allocates nothing. Entities are immutable: an update swaps the
 * entity under its id atomically, and every key sees the new one at once. Each entity is held in a
 * {@link CachedEntity} with the memo of its local answers, which an update replaces with the entity.
 *
 * @param <T> {@code RulesCompany} or {@code RulesUser}
 */
final class EntityStore<T> {

    private final Function<T, String> idOf;
    private final Function<T, Map<String, String>> keysOf;
    private final Cache<String, CachedEntity<T>> byId;
    /** The hot path's reads of {@link #byId}. */
    private final SampledReads<String, CachedEntity<T>> reads;
    /** Lower-case key name, then lower-case value, to id. */
    private final Map<String, Map<String, String>> idByKey = new ConcurrentHashMap<>();

    /** @param clock what the TTL is measured by */
    EntityStore(int maxSize, Duration ttl, Ticker clock, Function<T, String> idOf,
            Function<T, Map<String, String>> keysOf) {
        this.idOf = idOf;
        this.keysOf = keysOf;
        this.byId = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfterWrite(ttl)
                .ticker(clock)
                // eviction runs on the writing thread: cheap, and the index is cleaned before the write returns
                .executor(Runnable::run)
                .<String, CachedEntity<T>> evictionListener((id, cached, cause) -> {
                    if (id != null && cached != null) {
                        unindex(id, keysOf.apply(cached.entity), null);
                    }
                })
                .build();
        this.reads = new SampledReads<>(byId);
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
        String found = null;
        for (Map.Entry<String, String> key : keys.entrySet()) {
            String id = indexed(key.getKey(), key.getValue());
            if (id != null) {
                if (found != null && !found.equals(id)) {
                    return null;
                }
                found = id;
            }
        }
        return found == null ? null : reads.get(found);
    }

    T byId(String id) {
        CachedEntity<T> found = reads.get(id);
        return found == null ? null : found.entity;
    }

    /** Stores an entity (in place of the one with its id) and indexes its keys; keys it lost are forgotten. */
    void put(T entity) {
        String id = idOf.apply(entity);
        Map<String, String> keys = keysOf.apply(entity);
        CachedEntity<T> previous = byId.asMap().put(id, new CachedEntity<>(entity));
        keys.forEach((key, value) -> idByKey.computeIfAbsent(key.toLowerCase(Locale.ROOT),
                name -> new ConcurrentHashMap<>()).put(value.toLowerCase(Locale.ROOT), id));
        if (previous != null) {
            unindex(id, keysOf.apply(previous.entity), keys);
        }
    }

    /** Removes the entity with this id and its keys; returns it, or {@code null}. */
    T remove(String id) {
        CachedEntity<T> removed = byId.asMap().remove(id);
        if (removed == null) {
            return null;
        }
        unindex(id, keysOf.apply(removed.entity), null);
        return removed.entity;
    }

    /**
     * Replaces the entity with this id by {@code change} applied to it, atomically with other updates of it; nothing
     * when it is not cached. A change that returns the same entity keeps its memo.
     */
    void update(String id, UnaryOperator<T> change) {
        byId.asMap().computeIfPresent(id, (key, cached) -> {
            T changed = change.apply(cached.entity);
            return changed == cached.entity ? cached : new CachedEntity<>(changed);
        });
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
        return idByKey.values().stream().mapToInt(Map::size).sum();
    }

    /** The id indexed for this pair, or {@code null}; a missing name or value matches nothing. */
    private String indexed(String key, String value) {
        if (key == null || value == null) {
            return null;
        }
        // toLowerCase returns the same instance when nothing changes: no garbage for the usual lower-case keys
        Map<String, String> byValue = idByKey.get(key.toLowerCase(Locale.ROOT));
        return byValue == null ? null : byValue.get(value.toLowerCase(Locale.ROOT));
    }

    /** Drops the pairs of {@code keys} that still point to {@code id}, except those in {@code kept}. */
    private void unindex(String id, Map<String, String> keys, Map<String, String> kept) {
        keys.forEach((key, value) -> {
            if (kept == null || !Objects.equals(value, kept.get(key))) {
                Map<String, String> byValue = idByKey.get(key.toLowerCase(Locale.ROOT));
                if (byValue != null) {
                    byValue.remove(value.toLowerCase(Locale.ROOT), id);
                }
            }
        });
    }
}
