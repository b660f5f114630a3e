package io.quarkiverse.schematic.rules;

/**
 * An enum of the wire values the engine branches on. A value this version does not know maps to the enum's
 * {@code UNKNOWN} constant, which the reference engine treats as "never matches", so that a new value on Schematic's
 * side never fails a check.
 */
interface WireEnum {

    /** The name on the wire; {@code null} for the {@code UNKNOWN} constant. */
    String wireName();

    /** The constant named {@code name}, or {@code unknown}. */
    static <E extends WireEnum> E find(E[] values, String name, E unknown) {
        for (E value : values) {
            if (value.wireName() != null && value.wireName().equals(name)) {
                return value;
            }
        }
        return unknown;
    }
}
