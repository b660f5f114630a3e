package io.quarkiverse.schematic.runtime.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /temporary-access-tokens}: a token for the company found by {@code lookup}.
 */
public record AccessTokenRequest(@JsonProperty("resource_type") String resourceType, Map<String, String> lookup) {

    /** The only resource type Schematic issues tokens for. */
    public static final String COMPANY = "company";

    public static AccessTokenRequest company(Map<String, String> keys) {
        return new AccessTokenRequest(COMPANY, keys);
    }
}
