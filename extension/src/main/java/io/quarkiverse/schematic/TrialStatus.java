package io.quarkiverse.schematic;

/**
 * Where a company's trial of its plan stands.
 */
public enum TrialStatus implements WireNames.Named {
    /** The trial runs. */
    ACTIVE("active"),
    /** The trial became a paid subscription. */
    CONVERTED("converted"),
    /** The trial ended without a subscription. */
    EXPIRED("expired"),
    /** A status this version of the extension does not know. */
    UNKNOWN("unknown");

    private static final TrialStatus[] VALUES = values();

    private final String wireName;

    TrialStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name Schematic uses on the wire, such as {@code active}. */
    @Override
    public String wireName() {
        return wireName;
    }

    /** The status of a wire name: {@code null} for {@code null}, {@link #UNKNOWN} for a name this version does not know. */
    public static TrialStatus fromWire(String name) {
        return WireNames.find(VALUES, name, UNKNOWN);
    }
}
