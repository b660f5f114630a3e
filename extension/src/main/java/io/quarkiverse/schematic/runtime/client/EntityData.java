package io.quarkiverse.schematic.runtime.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The part of {@code CompanyDetailResponseData} and {@code UserDetailResponseData} that the extension exposes.
 * Schematic returns keys as a list of {@code {"key": ..., "value": ...}} objects and traits as an object.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EntityData(
        String id,
        String name,
        List<KeyData> keys,
        Map<String, Object> traits,
        @JsonProperty("created_at") @JsonDeserialize(using = WireTimeDeserializer.class) OffsetDateTime createdAt,
        @JsonProperty("updated_at") @JsonDeserialize(using = WireTimeDeserializer.class) OffsetDateTime updatedAt) {

    /** One identifying key of a company or user. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KeyData(String key, String value) {
    }
}
