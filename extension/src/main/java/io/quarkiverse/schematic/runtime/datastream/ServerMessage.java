package io.quarkiverse.schematic.runtime.datastream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message the DataStream pushes: {@code {"entity_type", "entity_id", "message_type", "data"}}, where
 * {@code message_type} is {@code full}, {@code partial}, {@code delete} or {@code error}.
 *
 * @param entityType e.g. {@code rulesengine.Company}
 * @param entityId the entity's id (for partial updates and deletions)
 * @param messageType what to do with {@code data}
 * @param data the entity, a list of entities, the fields that changed, or an error
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerMessage(
        @JsonProperty("entity_type") String entityType,
        @JsonProperty("entity_id") String entityId,
        @JsonProperty("message_type") String messageType,
        @JsonProperty("data") JsonNode data) {

    static final String FULL = "full";
    static final String PARTIAL = "partial";
    static final String DELETE = "delete";
    static final String ERROR = "error";
}
