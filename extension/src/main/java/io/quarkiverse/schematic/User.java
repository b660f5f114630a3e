package io.quarkiverse.schematic;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A user as stored by Schematic.
 *
 * @param id Schematic id of the user
 * @param name display name, may be {@code null}
 * @param keys the identifying keys of the user
 * @param traits the traits of the user (values as parsed from JSON)
 * @param createdAt when Schematic created the user, may be {@code null}
 * @param updatedAt when Schematic last updated the user, may be {@code null}
 */
public record User(String id, String name, Map<String, String> keys, Map<String, Object> traits,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
