package io.quarkiverse.schematic;

/**
 * The kind of rule that decided a flag's value. Schematic visits rules in this order: the first matching rule wins.
 */
public enum RuleType implements WireNames.Named {
    /** Turns the flag on or off for everyone. */
    GLOBAL_OVERRIDE("global_override"),
    /** An override set for one company. */
    COMPANY_OVERRIDE("company_override"),
    /** An entitlement granted by the company's plan. */
    PLAN_ENTITLEMENT("plan_entitlement"),
    /** A company override whose usage limit is reached. */
    COMPANY_OVERRIDE_USAGE_EXCEEDED("company_override_usage_exceeded"),
    /** A plan entitlement whose usage limit is reached. */
    PLAN_ENTITLEMENT_USAGE_EXCEEDED("plan_entitlement_usage_exceeded"),
    /** A targeting rule of the flag. */
    STANDARD("standard"),
    /** The flag's default. */
    DEFAULT("default"),
    /** A rule type this version of the extension does not know yet. */
    UNKNOWN("unknown");

    private static final RuleType[] VALUES = values();

    private final String wireName;

    RuleType(String wireName) {
        this.wireName = wireName;
    }

    /** The name Schematic uses on the wire, such as {@code plan_entitlement}. */
    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * The rule type of a wire name: {@code null} for {@code null}, {@link #UNKNOWN} for a name this version does not
     * know, so that a new rule type on Schematic's side never fails a check.
     */
    public static RuleType fromWire(String name) {
        return WireNames.find(VALUES, name, UNKNOWN);
    }
}
