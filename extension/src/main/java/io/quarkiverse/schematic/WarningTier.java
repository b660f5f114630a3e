package io.quarkiverse.schematic;

/**
 * A usage level at which a customer should be warned, such as 80% of an allocation.
 *
 * @param key the tier's name
 * @param value the usage at which the tier starts
 */
public record WarningTier(String key, long value) {
}
