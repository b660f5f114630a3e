package io.quarkiverse.schematic.runtime.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of an {@code identify} event.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IdentifyBody(Map<String, String> keys, String name, Map<String, Object> traits, CompanyBody company) {

    /** The company part of an identify event. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CompanyBody(Map<String, String> keys, String name, Map<String, Object> traits) {
    }
}
