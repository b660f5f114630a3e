package io.quarkiverse.schematic.rules;

/** The operator of a condition ({@code operator} on the wire). */
enum Operator implements WireEnum {
    EQ("eq"),
    NE("ne"),
    GT("gt"),
    LT("lt"),
    GTE("gte"),
    LTE("lte"),
    IS_EMPTY("is_empty"),
    NOT_EMPTY("not_empty"),
    /** Missing or not known to this version: every comparison with it is false, as in the reference engine. */
    UNKNOWN(null);

    private static final Operator[] VALUES = values();

    private final String wireName;

    Operator(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    static Operator of(String wireName) {
        return WireEnum.find(VALUES, wireName, UNKNOWN);
    }
}
