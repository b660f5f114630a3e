package io.quarkiverse.schematic.runtime.datastream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Companies or users requested from the DataStream and not yet received. Checks that need the same keys at the same
 * time share one request and one future; the future completes with the entity when one sharing a key/value pair with
 * the request arrives, or with {@code null} when the DataStream answers the request with an error.
 *
 * @param <T> {@code RulesCompany} or {@code RulesUser}
 */
final class PendingRequests<T> {

    /** The future of a request, and whether the caller is the first to ask (and so must send the request). */
    record Pending<T>(CompletableFuture<T> future, boolean first) {
    }

    /** The keys as the application gave them (sent again after a reconnection) and the future of their entity. */
    private record Request<T>(Map<String, String> keys, CompletableFuture<T> future) {
    }

    private final Map<Set<EntityKey>, Request<T>> waiting = new ConcurrentHashMap<>();

    Pending<T> register(Map<String, String> keys) {
        Request<T> created = new Request<>(keys, new CompletableFuture<>());
        Request<T> shared = waiting.putIfAbsent(pairs(keys), created);
        return shared == null ? new Pending<>(created.future(), true) : new Pending<>(shared.future(), false);
    }

    /** Forgets a request whose waiter gave up; a late answer is still cached, just not handed to anyone. */
    void abandon(Map<String, String> keys, CompletableFuture<T> future) {
        Set<EntityKey> pairs = pairs(keys);
        Request<T> request = waiting.get(pairs);
        if (request != null && request.future() == future) {
            waiting.remove(pairs, request);
        }
    }

    /** Completes every request sharing a key/value pair with {@code keys} with {@code entity} (or {@code null}). */
    void complete(Map<String, String> keys, T entity) {
        if (waiting.isEmpty()) {
            return;
        }
        Set<EntityKey> pairs = pairs(keys);
        waiting.forEach((requested, request) -> {
            if (!Collections.disjoint(requested, pairs) && waiting.remove(requested, request)) {
                request.future().complete(entity);
            }
        });
    }

    /** The keys of every request still waiting, to ask again after a reconnection. */
    List<Map<String, String>> requestedKeys() {
        List<Map<String, String>> keys = new ArrayList<>();
        waiting.values().forEach(request -> keys.add(request.keys()));
        return keys;
    }

    int size() {
        return waiting.size();
    }

    private static Set<EntityKey> pairs(Map<String, String> keys) {
        Set<EntityKey> pairs = new HashSet<>();
        keys.forEach((key, value) -> {
            EntityKey pair = EntityKey.of(key, value);
            if (pair != null) {
                pairs.add(pair);
            }
        });
        return pairs;
    }
}
