package io.quarkiverse.schematic.runtime.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code POST /flags/check}: every flag evaluated for one company/user.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FlagsCheckData(List<FlagCheckData> flags) {
}
