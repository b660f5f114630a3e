package io.quarkiverse.schematic;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A company as stored by Schematic.
 *
 * @param id Schematic id of the company
 * @param name display name, may be {@code null}
 * @param keys the identifying keys of the company
 * @param traits the traits of the company (values as parsed from JSON)
 * @param createdAt when Schematic created the company, may be {@code null}
 * @param updatedAt when Schematic last updated the company, may be {@code null}
 */
public record Company(String id, String name, Map<String, String> keys, Map<String, Object> traits,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
