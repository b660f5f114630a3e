package io.quarkiverse.schematic;

/**
 * The period over which a metered feature's usage is counted.
 */
public enum MetricPeriod implements WireNames.Named {
    ALL_TIME("all_time"),
    CURRENT_DAY("current_day"),
    CURRENT_WEEK("current_week"),
    CURRENT_MONTH("current_month"),
    /** A period this version of the extension does not know. */
    UNKNOWN("unknown");

    private static final MetricPeriod[] VALUES = values();

    private final String wireName;

    MetricPeriod(String wireName) {
        this.wireName = wireName;
    }

    /** The name Schematic uses on the wire, such as {@code current_month}. */
    @Override
    public String wireName() {
        return wireName;
    }

    /** The period of a wire name: {@code null} for {@code null}, {@link #UNKNOWN} for a name this version does not know. */
    public static MetricPeriod fromWire(String name) {
        return WireNames.find(VALUES, name, UNKNOWN);
    }
}
