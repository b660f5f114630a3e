package io.quarkiverse.schematic.runtime.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /companies}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record UpsertCompanyRequest(Map<String, String> keys, String name, Map<String, Object> traits) {
}
