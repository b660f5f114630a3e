package io.quarkiverse.schematic.runtime.client;

import java.util.List;

/**
 * Body of {@code POST /flags/check-bulk}: 1 to {@value #MAX_CONTEXTS} contexts.
 */
public record FlagsBulkRequest(List<CheckFlagRequest> contexts) {

    /** The most contexts Schematic takes in one request. */
    public static final int MAX_CONTEXTS = 100;
}
