package io.quarkiverse.schematic.rules;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.schematic.RuleType;

/**
 * A rule of a flag, or a company's or user's own rule for one flag ({@code flag_id}). It matches when all of its
 * {@code conditions} hold and each of its {@code condition_groups} has a condition that holds; {@code default} and
 * {@code global_override} rules match without looking at their conditions. When it is the first matching rule, the
 * flag's value is the rule's {@code value}. Immutable; the reason text and the visit order are worked out at
 * construction.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE, fieldVisibility = Visibility.NONE)
public final class RulesRule extends WireEntity {

    private final String flagId;
    private final String ruleType;
    private final String name;
    private final long priority;
    private final boolean value;
    private final List<RulesCondition> conditions;
    private final List<RulesConditionGroup> conditionGroups;

    final RuleType type;
    final int typeOrder;
    final long orderInType;
    /** What a check answers when this rule decides the value. */
    final String reason;
    /** For an entitlement rule, the condition whose figures the answer reports; otherwise {@code null}. */
    final RulesCondition usageCondition;
    private final boolean alwaysMatches;
    /** The reference engine never matches a rule with a {@code null} condition or group. */
    private final boolean neverMatches;
    private final RulesCondition[] conditionArray;
    private final RulesConditionGroup[] groupArray;

    /**
     * Creates a rule from its wire fields (JSON names in brackets).
     *
     * @param id [id]
     * @param flagId [flag_id] the flag a company's or user's rule is for; ignored for a flag's own rules
     * @param accountId [account_id]
     * @param environmentId [environment_id]
     * @param ruleType [rule_type] {@code global_override}, {@code company_override}, {@code plan_entitlement},
     *        {@code company_override_usage_exceeded}, {@code plan_entitlement_usage_exceeded}, {@code standard} or
     *        {@code default}; a rule of another type is never visited
     * @param name [name]
     * @param priority [priority] lower first, among standard rules
     * @param value [value] the flag's value when this rule decides
     * @param conditions [conditions] all must hold
     * @param conditionGroups [condition_groups] each needs one condition that holds
     */
    @JsonCreator
    public RulesRule(@JsonProperty("id") String id, @JsonProperty("flag_id") String flagId,
            @JsonProperty("account_id") String accountId, @JsonProperty("environment_id") String environmentId,
            @JsonProperty("rule_type") String ruleType, @JsonProperty("name") String name,
            @JsonProperty("priority") long priority, @JsonProperty("value") boolean value,
            @JsonProperty("conditions") List<RulesCondition> conditions,
            @JsonProperty("condition_groups") List<RulesConditionGroup> conditionGroups) {
        super(id, accountId, environmentId);
        this.flagId = flagId;
        this.ruleType = ruleType == null ? "" : ruleType;
        this.name = name == null ? "" : name;
        this.priority = priority;
        this.value = value;
        this.conditions = Lists.copy(conditions);
        this.conditionGroups = Lists.copy(conditionGroups);

        this.type = RuleType.fromWire(ruleType);
        this.typeOrder = RuleOrder.typeOrder(type);
        this.orderInType = RuleOrder.orderInType(type, priority, value);
        this.reason = "Matched " + this.ruleType.replace('_', ' ') + " rule \"" + this.name + "\" (" + id() + ")";
        this.usageCondition = RuleOrder.isEntitlement(type) ? firstUsageCondition(this.conditions) : null;
        this.alwaysMatches = type == RuleType.DEFAULT || type == RuleType.GLOBAL_OVERRIDE;
        this.neverMatches = Lists.holdsNull(conditions) || Lists.holdsNull(conditionGroups);
        this.conditionArray = this.conditions.toArray(new RulesCondition[0]);
        this.groupArray = this.conditionGroups.toArray(new RulesConditionGroup[0]);
    }

    private static RulesCondition firstUsageCondition(List<RulesCondition> conditions) {
        for (RulesCondition condition : conditions) {
            if (condition.type == ConditionType.METRIC || condition.type == ConditionType.TRAIT) {
                return condition;
            }
        }
        return null;
    }

    /** Whether this rule matches the company and user (either may be {@code null}). */
    boolean matches(RulesCompany company, RulesUser user, PreflightInput preflight) {
        if (alwaysMatches) {
            return true;
        }
        if (neverMatches) {
            return false;
        }
        for (RulesCondition condition : conditionArray) {
            if (!condition.matches(company, user, preflight)) {
                return false;
            }
        }
        for (RulesConditionGroup group : groupArray) {
            if (!group.matches(company, user, preflight)) {
                return false;
            }
        }
        return true;
    }

    /** The flag a company's or user's rule is for; {@code null} for legacy rules, which are never visited. */
    @JsonProperty("flag_id")
    public String flagId() {
        return flagId;
    }

    /** The wire name of the type; see {@link #type()} for the parsed one. */
    @JsonProperty("rule_type")
    public String ruleType() {
        return ruleType;
    }

    /** The type, {@link RuleType#UNKNOWN} for a name this version does not know, {@code null} when absent. */
    public RuleType type() {
        return type;
    }

    @JsonProperty("name")
    public String name() {
        return name;
    }

    @JsonProperty("priority")
    public long priority() {
        return priority;
    }

    @JsonProperty("value")
    public boolean value() {
        return value;
    }

    /** Never {@code null}. */
    @JsonProperty("conditions")
    public List<RulesCondition> conditions() {
        return conditions;
    }

    /** Never {@code null}. */
    @JsonProperty("condition_groups")
    public List<RulesConditionGroup> conditionGroups() {
        return conditionGroups;
    }
}
