package io.quarkiverse.schematic.deployment.devservices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Companies or users upserted into the dev service, kept in memory. An upsert updates the entity that shares any
 * key/value pair with it, as Schematic does, else creates one.
 */
final class DevEntities {

    private final String idPrefix;
    private final List<Entity> entities = new ArrayList<>();
    /** Numbers ids, never reused: an id stays unique after a delete. */
    private int created;

    DevEntities(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    /** Creates or updates an entity: keys and traits are merged, a given name replaces the old one. */
    synchronized Map<String, Object> upsert(Map<String, String> keys, String name, Map<String, Object> traits,
            Map<String, String> company) {
        Entity entity = find(keys);
        String now = Instant.now().toString();
        if (entity == null) {
            entity = new Entity(idPrefix + (++created), now);
            entities.add(entity);
        }
        entity.keys.putAll(keys);
        entity.traits.putAll(traits);
        if (name != null) {
            entity.name = name;
        }
        if (!company.isEmpty()) {
            entity.company = Map.copyOf(company);
        }
        entity.updatedAt = now;
        return entity.toJson();
    }

    /** Id of the entity sharing a key/value pair with these keys, or {@code null}. */
    synchronized String idOf(Map<String, String> keys) {
        Entity entity = find(keys);
        return entity == null ? null : entity.id;
    }

    synchronized List<Map<String, Object>> all() {
        return entities.stream().map(Entity::toJson).toList();
    }

    /** The entity sharing a key/value pair with these keys, or {@code null}. */
    synchronized Map<String, Object> lookup(Map<String, String> keys) {
        Entity entity = find(keys);
        return entity == null ? null : entity.toJson();
    }

    /** Removes the entity sharing a key/value pair with these keys and returns it, or {@code null} if none does. */
    synchronized Map<String, Object> delete(Map<String, String> keys) {
        Entity entity = find(keys);
        if (entity == null) {
            return null;
        }
        entities.remove(entity);
        return entity.toJson();
    }

    /**
     * Replaces one trait of the entity with these keys by {@code change} applied to its current value ({@code null}
     * when it has none), in one step as Schematic does. Without {@code onlyExisting} an unknown entity is created
     * first; with it, the answer is {@code null}.
     */
    synchronized Map<String, Object> updateTrait(Map<String, String> keys, String trait, UnaryOperator<Object> change,
            boolean onlyExisting) {
        Entity entity = find(keys);
        if (entity == null) {
            if (onlyExisting) {
                return null;
            }
            upsert(keys, null, Map.of(), Map.of());
            entity = find(keys);
        }
        entity.traits.put(trait, change.apply(entity.traits.get(trait)));
        entity.updatedAt = Instant.now().toString();
        return entity.toJson();
    }

    private Entity find(Map<String, String> keys) {
        for (Entity entity : entities) {
            for (Map.Entry<String, String> key : keys.entrySet()) {
                if (key.getValue().equals(entity.keys.get(key.getKey()))) {
                    return entity;
                }
            }
        }
        return null;
    }

    private static final class Entity {
        final String id;
        final String createdAt;
        final Map<String, String> keys = new LinkedHashMap<>();
        final Map<String, Object> traits = new LinkedHashMap<>();
        String name;
        Map<String, String> company = Map.of();
        String updatedAt;

        Entity(String id, String createdAt) {
            this.id = id;
            this.createdAt = createdAt;
        }

        /** The shape of Schematic's company/user detail: keys as a list of key/value objects. */
        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("name", name);
            List<Map<String, String>> keyList = new ArrayList<>();
            keys.forEach((key, value) -> keyList.add(Map.of("key", key, "value", value)));
            json.put("keys", keyList);
            json.put("traits", new LinkedHashMap<>(traits));
            if (!company.isEmpty()) {
                json.put("company", company);
            }
            json.put("created_at", createdAt);
            json.put("updated_at", updatedAt);
            return json;
        }
    }
}
