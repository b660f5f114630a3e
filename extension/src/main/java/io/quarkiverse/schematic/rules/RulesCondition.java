package io.quarkiverse.schematic.rules;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One condition of a rule, as DataStream sends it. Which fields matter depends on {@code condition_type}:
 * <ul>
 * <li>{@code company}, {@code user}: the entity's id is one of {@code resource_ids} ({@code ne}: is not);</li>
 * <li>{@code plan}, {@code plan_version}, {@code billing_product}: the company has one of {@code resource_ids}
 * ({@code ne}: has none);</li>
 * <li>{@code base_plan}: {@code eq}/{@code ne} the company's base plan against {@code resource_ids},
 * {@code is_empty}/{@code not_empty} whether it has one;</li>
 * <li>{@code metric}: the company's usage of {@code event_subtype} over {@code metric_period} (default all time) and
 * {@code metric_period_month_reset} (default first of month), 0 when it has none, compared with
 * {@code metric_value} or with the company trait of {@code comparison_trait_definition};</li>
 * <li>{@code trait}: the company's or user's trait of {@code trait_definition} (empty when absent), compared with
 * {@code trait_value} or with the same entity's trait of {@code comparison_trait_definition}, as the trait's
 * comparable type says;</li>
 * <li>{@code credit}: the company's balance of {@code credit_id} (0 when absent) covers {@code consumption_rate}
 * (default 1).</li>
 * </ul>
 * Immutable; what a check needs (id sets, the metric key, the parsed trait value) is worked out at construction.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE, fieldVisibility = Visibility.NONE)
public final class RulesCondition extends WireEntity {

    private final String conditionType;
    private final String operatorName;
    private final List<String> resourceIds;
    private final String eventSubtype;
    private final Long metricValue;
    private final String metricPeriod;
    private final String metricPeriodMonthReset;
    private final String creditId;
    private final Double consumptionRate;
    private final RulesTraitDefinition traitDefinition;
    private final TypedValue traitValue;
    private final RulesTraitDefinition comparisonTraitDefinition;

    final ConditionType type;
    private final Operator operator;
    private final ResourceIds resourceIdSet;
    /** The company metric this condition reads; {@code null} without an event subtype. */
    final MetricKey metricKey;
    private final double rate;

    /**
     * Creates a condition from its wire fields (the JSON names are given in brackets).
     *
     * @param id [id]
     * @param accountId [account_id]
     * @param environmentId [environment_id]
     * @param conditionType [condition_type] {@code company}, {@code user}, {@code plan}, {@code plan_version},
     *        {@code billing_product}, {@code base_plan}, {@code metric}, {@code trait} or {@code credit}; another
     *        value never matches
     * @param operator [operator] {@code eq}, {@code ne}, {@code gt}, {@code lt}, {@code gte}, {@code lte},
     *        {@code is_empty} or {@code not_empty}
     * @param resourceIds [resource_ids] ids of companies, users, plans, plan versions or billing products
     * @param eventSubtype [event_subtype] the metered event of a metric (or credit) condition
     * @param metricValue [metric_value] the limit of a metric condition; required when the condition is evaluated
     * @param metricPeriod [metric_period] {@code all_time}, {@code current_day}, {@code current_week} or
     *        {@code current_month}
     * @param metricPeriodMonthReset [metric_period_month_reset] {@code first_of_month} or {@code billing_cycle}
     * @param creditId [credit_id] the credit type of a credit condition
     * @param consumptionRate [consumption_rate] credits one use costs (default 1)
     * @param traitDefinition [trait_definition] the trait a trait condition reads
     * @param traitValue [trait_value] the value a trait condition compares with
     * @param comparisonTraitDefinition [comparison_trait_definition] a trait to compare with instead of the value
     */
    @JsonCreator
    public RulesCondition(@JsonProperty("id") String id, @JsonProperty("account_id") String accountId,
            @JsonProperty("environment_id") String environmentId,
            @JsonProperty("condition_type") String conditionType, @JsonProperty("operator") String operator,
            @JsonProperty("resource_ids") List<String> resourceIds,
            @JsonProperty("event_subtype") String eventSubtype, @JsonProperty("metric_value") Long metricValue,
            @JsonProperty("metric_period") String metricPeriod,
            @JsonProperty("metric_period_month_reset") String metricPeriodMonthReset,
            @JsonProperty("credit_id") String creditId, @JsonProperty("consumption_rate") Double consumptionRate,
            @JsonProperty("trait_definition") RulesTraitDefinition traitDefinition,
            @JsonProperty("trait_value") String traitValue,
            @JsonProperty("comparison_trait_definition") RulesTraitDefinition comparisonTraitDefinition) {
        super(id, accountId, environmentId);
        this.conditionType = conditionType == null ? "" : conditionType;
        this.operatorName = operator == null ? "" : operator;
        this.resourceIds = Lists.copy(resourceIds);
        this.eventSubtype = eventSubtype;
        this.metricValue = metricValue;
        this.metricPeriod = metricPeriod;
        this.metricPeriodMonthReset = metricPeriodMonthReset;
        this.creditId = Interned.of(creditId); // see RulesCompany#creditIndex
        this.consumptionRate = consumptionRate;
        this.traitDefinition = traitDefinition;
        this.traitValue = TypedValue.of(traitValue);
        this.comparisonTraitDefinition = comparisonTraitDefinition;

        this.type = ConditionType.of(conditionType);
        this.operator = Operator.of(operator);
        this.resourceIdSet = new ResourceIds(this.resourceIds);
        this.metricKey = eventSubtype == null ? null
                : MetricKey.lookingFor(eventSubtype, metricPeriod, metricPeriodMonthReset);
        this.rate = consumptionRate == null ? 1 : consumptionRate;
    }

    /** Whether this condition holds for the company and user (either may be {@code null}). */
    boolean matches(RulesCompany company, RulesUser user, PreflightInput preflight) {
        return switch (type) {
            case COMPANY -> company != null && resourceIdSet.contains(company.id()) != negated();
            case USER -> user != null && resourceIdSet.contains(user.id()) != negated();
            case PLAN -> company != null && resourceIdSet.containsAny(company.planIdArray) != negated();
            case PLAN_VERSION -> company != null && resourceIdSet.containsAny(company.planVersionIdArray) != negated();
            case BILLING_PRODUCT -> company != null
                    && resourceIdSet.containsAny(company.billingProductIdArray) != negated();
            case BASE_PLAN -> company != null && basePlanMatches(company.basePlanId());
            case METRIC -> metricMatches(company, preflight);
            case TRAIT -> traitMatches(company, user, preflight);
            case CREDIT -> creditMatches(company, preflight);
            case UNKNOWN -> false;
        };
    }

    private boolean negated() {
        return operator == Operator.NE;
    }

    private boolean basePlanMatches(String basePlan) {
        return switch (operator) {
            case EQ -> basePlan != null && resourceIdSet.contains(basePlan);
            case NE -> basePlan == null || !resourceIdSet.contains(basePlan);
            case IS_EMPTY -> basePlan == null;
            case NOT_EMPTY -> basePlan != null;
            default -> false;
        };
    }

    private boolean metricMatches(RulesCompany company, PreflightInput preflight) {
        if (company == null || metricKey == null) {
            return false;
        }
        long used = company.metricValue(metricKey) + preflight.usageOf(eventSubtype);
        if (metricValue == null) {
            throw new RulesEngineException("metric condition " + id() + " has no metric_value to compare the usage of '"
                    + eventSubtype + "' with");
        }
        long limit = metricValue;
        if (comparisonTraitDefinition != null) {
            RulesTrait limitTrait = company.traitIndex.get(comparisonTraitDefinition.id());
            limit = limitTrait == null ? 0 : limitTrait.value.asInt;
        }
        return Comparisons.ints(used, limit, operator);
    }

    private boolean traitMatches(RulesCompany company, RulesUser user, PreflightInput preflight) {
        if (traitDefinition == null) {
            return false;
        }
        ReferenceTable<String, RulesTrait> traits;
        if (traitDefinition.ofCompany && company != null) {
            traits = company.traitIndex;
        } else if (traitDefinition.ofUser && user != null) {
            traits = user.traitIndex;
        } else {
            return false;
        }
        RulesTrait trait = traits.get(traitDefinition.id());
        TypedValue left = trait == null ? TypedValue.EMPTY : trait.value;
        TypedValue right = traitValue;
        if (comparisonTraitDefinition != null) {
            // a comparison trait the entity lacks compares as the empty string, not as trait_value
            RulesTrait other = traits.get(comparisonTraitDefinition.id());
            right = other == null ? TypedValue.EMPTY : other.value;
        }
        ComparableType comparable = trait == null ? traitDefinition.comparable : trait.comparable;
        long leftInt = left.asInt;
        if (comparable == ComparableType.INT) {
            // preflight: a plain usage adds to an int trait (event usage does not: traits have no subtype)
            leftInt += preflight.usage;
        }
        return Comparisons.compare(left, leftInt, right, comparable, operator);
    }

    private boolean creditMatches(RulesCompany company, PreflightInput preflight) {
        if (company == null || creditId == null) {
            return false;
        }
        double balance = company.creditBalance(creditId);
        Double cost = preflight.creditCosts.isEmpty() ? null : preflight.creditCosts.get(creditId);
        if (cost != null) {
            return balance >= cost;
        }
        long quantity = preflight.usageOf(eventSubtype);
        return balance >= (quantity > 0 ? quantity * rate : rate);
    }

    @JsonProperty("condition_type")
    public String conditionType() {
        return conditionType;
    }

    @JsonProperty("operator")
    public String operator() {
        return operatorName;
    }

    /** Never {@code null}. */
    @JsonProperty("resource_ids")
    public List<String> resourceIds() {
        return resourceIds;
    }

    @JsonProperty("event_subtype")
    public String eventSubtype() {
        return eventSubtype;
    }

    @JsonProperty("metric_value")
    public Long metricValue() {
        return metricValue;
    }

    @JsonProperty("metric_period")
    public String metricPeriod() {
        return metricPeriod;
    }

    @JsonProperty("metric_period_month_reset")
    public String metricPeriodMonthReset() {
        return metricPeriodMonthReset;
    }

    @JsonProperty("credit_id")
    public String creditId() {
        return creditId;
    }

    @JsonProperty("consumption_rate")
    public Double consumptionRate() {
        return consumptionRate;
    }

    @JsonProperty("trait_definition")
    public RulesTraitDefinition traitDefinition() {
        return traitDefinition;
    }

    /** Never {@code null}. */
    @JsonProperty("trait_value")
    public String traitValue() {
        return traitValue.text;
    }

    @JsonProperty("comparison_trait_definition")
    public RulesTraitDefinition comparisonTraitDefinition() {
        return comparisonTraitDefinition;
    }

    TypedValue typedTraitValue() {
        return traitValue;
    }
}
