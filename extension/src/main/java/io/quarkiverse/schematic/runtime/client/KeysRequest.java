package io.quarkiverse.schematic.runtime.client;

import java.util.Map;

/**
 * Body of {@code POST /companies/delete} and {@code POST /users/delete}: the keys of the company or user.
 */
public record KeysRequest(Map<String, String> keys) {
}
