package io.quarkiverse.schematic.runtime.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /flags/{key}/check} and {@code POST /flags/check}: the keys of the company and/or user.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CheckFlagRequest(Map<String, String> company, Map<String, String> user) {
}
