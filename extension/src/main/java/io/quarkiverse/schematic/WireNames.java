package io.quarkiverse.schematic;

/**
 * Looks up the enum constant of a name Schematic sends. A name this version does not know maps to the enum's
 * {@code UNKNOWN} constant, so that a new value on Schematic's side never fails a check.
 */
final class WireNames {

    interface Named {
        String wireName();
    }

    private WireNames() {
    }

    /** The constant named {@code name}; {@code null} for {@code null}; {@code unknown} for any other name. */
    static <E extends Named> E find(E[] values, String name, E unknown) {
        if (name == null) {
            return null;
        }
        for (E value : values) {
            if (value.wireName().equals(name)) {
                return value;
            }
        }
        return unknown;
    }
}
