package io.quarkiverse.schematic.rules;

/** What a condition tests ({@code condition_type} on the wire). */
enum ConditionType implements WireEnum {
    BASE_PLAN("base_plan"),
    BILLING_PRODUCT("billing_product"),
    COMPANY("company"),
    CREDIT("credit"),
    METRIC("metric"),
    PLAN("plan"),
    PLAN_VERSION("plan_version"),
    TRAIT("trait"),
    USER("user"),
    /** Missing or not known to this version: the condition never matches, as in the reference engine. */
    UNKNOWN(null);

    private static final ConditionType[] VALUES = values();

    private final String wireName;

    ConditionType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    static ConditionType of(String wireName) {
        return WireEnum.find(VALUES, wireName, UNKNOWN);
    }
}
