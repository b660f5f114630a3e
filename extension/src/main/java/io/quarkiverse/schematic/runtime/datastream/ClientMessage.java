package io.quarkiverse.schematic.runtime.datastream;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A request to the DataStream: {@code {"data": {"action": "start", "entity_type": ..., "keys": {...}}}} subscribes to
 * an entity (the server answers with it in full and then pushes its changes), or to all flags without keys.
 *
 * @param data the request
 */
public record ClientMessage(@JsonProperty("data") Request data) {

    static final String START = "start";

    /** Subscribes to every flag of the environment. */
    static ClientMessage allFlags() {
        return new ClientMessage(new Request(START, EntityType.FLAGS.wireName, null));
    }

    /** Subscribes to the company or user identified by these keys. */
    static ClientMessage entity(EntityType type, Map<String, String> keys) {
        return new ClientMessage(new Request(START, type.wireName, keys));
    }

    /**
     * @param action {@code start}
     * @param entityType e.g. {@code rulesengine.Company}
     * @param keys the entity's keys; absent for all flags
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(
            @JsonProperty("action") String action,
            @JsonProperty("entity_type") String entityType,
            @JsonProperty("keys") Map<String, String> keys) {
    }
}
