package io.quarkiverse.schematic.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.SchematicConnectionException;
import io.quarkiverse.schematic.User;
import io.quarkiverse.schematic.runtime.client.EntityData;
import io.quarkiverse.schematic.runtime.client.Envelope;

/**
 * Public companies and users from Schematic's answers.
 */
final class Entities {

    private Entities() {
    }

    static Company company(Envelope<EntityData> envelope) {
        return company(envelope, "upsertCompany");
    }

    static User user(Envelope<EntityData> envelope) {
        return user(envelope, "upsertUser");
    }

    /** The company of an answer to {@code operation}; keys and traits are empty when the answer has none. */
    static Company company(Envelope<EntityData> envelope, String operation) {
        EntityData data = dataOf(envelope, operation);
        return new Company(data.id(), data.name(), keysOf(data), traitsOf(data), data.createdAt(), data.updatedAt());
    }

    /** The user of an answer to {@code operation}; keys and traits are empty when the answer has none. */
    static User user(Envelope<EntityData> envelope, String operation) {
        EntityData data = dataOf(envelope, operation);
        return new User(data.id(), data.name(), keysOf(data), traitsOf(data), data.createdAt(), data.updatedAt());
    }

    private static EntityData dataOf(Envelope<EntityData> envelope, String operation) {
        if (envelope == null || envelope.data() == null || envelope.data().id() == null) {
            throw new SchematicConnectionException(operation + " failed: Schematic's answer has no id", null);
        }
        return envelope.data();
    }

    private static Map<String, String> keysOf(EntityData data) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (data.keys() != null) {
            data.keys().forEach(key -> keys.put(key.key(), key.value()));
        }
        return Map.copyOf(keys);
    }

    private static Map<String, Object> traitsOf(EntityData data) {
        // traits may hold JSON nulls, which Map.copyOf refuses
        return data.traits() == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data.traits()));
    }
}
