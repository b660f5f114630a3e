package io.quarkiverse.schematic.runtime.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /users}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record UpsertUserRequest(Map<String, String> keys, Map<String, String> company, String name,
        Map<String, Object> traits) {
}
