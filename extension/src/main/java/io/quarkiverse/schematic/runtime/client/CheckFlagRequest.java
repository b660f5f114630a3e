package io.quarkiverse.schematic.runtime.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /flags/{key}/check} and {@code POST /flags/check}, and one context of
 * {@code POST /flags/check-bulk}: the keys of the company and/or user and, on a single-flag check only, the preflight.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CheckFlagRequest(Map<String, String> company, Map<String, String> user, PreflightBody preflight) {

    public CheckFlagRequest(Map<String, String> company, Map<String, String> user) {
        this(company, user, null);
    }
}
