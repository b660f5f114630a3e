package io.quarkiverse.schematic.runtime.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code POST /flags/check-bulk}: one answer per context, in the order of the request.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FlagsBulkData(List<FlagsCheckData> data) {
}
