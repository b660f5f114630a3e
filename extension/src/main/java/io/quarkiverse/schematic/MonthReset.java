package io.quarkiverse.schematic;

/**
 * When a monthly usage period starts again.
 */
public enum MonthReset implements WireNames.Named {
    /** On the first day of each calendar month. */
    FIRST_OF_MONTH("first_of_month"),
    /** On the day the company's billing cycle starts. */
    BILLING_CYCLE("billing_cycle"),
    /** A reset this version of the extension does not know. */
    UNKNOWN("unknown");

    private static final MonthReset[] VALUES = values();

    private final String wireName;

    MonthReset(String wireName) {
        this.wireName = wireName;
    }

    /** The name Schematic uses on the wire, such as {@code billing_cycle}. */
    @Override
    public String wireName() {
        return wireName;
    }

    /** The reset of a wire name: {@code null} for {@code null}, {@link #UNKNOWN} for a name this version does not know. */
    public static MonthReset fromWire(String name) {
        return WireNames.find(VALUES, name, UNKNOWN);
    }
}
