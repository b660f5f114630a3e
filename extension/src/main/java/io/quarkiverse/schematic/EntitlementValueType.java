package io.quarkiverse.schematic;

/**
 * How an entitlement is measured.
 */
public enum EntitlementValueType implements WireNames.Named {
    /** On or off. */
    BOOLEAN("boolean"),
    /** Paid with credits from a credit balance. */
    CREDIT("credit"),
    /** A numeric allocation, such as 10 seats or 1,000 API calls a month. */
    NUMERIC("numeric"),
    /** Measured by a trait of the company or user, such as a seat count. */
    TRAIT("trait"),
    /** No limit. */
    UNLIMITED("unlimited"),
    /** Schematic did not say, or sent a type this version of the extension does not know. */
    UNKNOWN("unknown");

    private static final EntitlementValueType[] VALUES = values();

    private final String wireName;

    EntitlementValueType(String wireName) {
        this.wireName = wireName;
    }

    /** The name Schematic uses on the wire. */
    @Override
    public String wireName() {
        return wireName;
    }

    /** The value type of a wire name: {@code null} for {@code null}, {@link #UNKNOWN} for a name this version does not know. */
    public static EntitlementValueType fromWire(String name) {
        return WireNames.find(VALUES, name, UNKNOWN);
    }
}
