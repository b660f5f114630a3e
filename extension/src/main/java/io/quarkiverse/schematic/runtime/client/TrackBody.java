package io.quarkiverse.schematic.runtime.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of a {@code track} event.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TrackBody(String event, Map<String, String> company, Map<String, String> user,
        Map<String, Object> traits, Long quantity) {
}
