package io.quarkiverse.schematic.rules;

/** How trait values compare ({@code comparable_type} of a trait definition). */
enum ComparableType implements WireEnum {
    STRING("string"),
    INT("int"),
    BOOL("bool"),
    DATE("date"),
    /** Missing or not known to this version: every comparison is false, as in the reference engine. */
    UNKNOWN(null);

    private static final ComparableType[] VALUES = values();

    private final String wireName;

    ComparableType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    static ComparableType of(String wireName) {
        return WireEnum.find(VALUES, wireName, UNKNOWN);
    }
}
