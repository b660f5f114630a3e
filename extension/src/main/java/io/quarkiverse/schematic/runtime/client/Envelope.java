package io.quarkiverse.schematic.runtime.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Every Schematic REST response wraps its payload as {@code {"data": ..., "params": {...}}}; only data is used.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Envelope<T>(T data) {
}
