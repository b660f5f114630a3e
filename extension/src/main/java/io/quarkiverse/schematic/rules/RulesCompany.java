package io.quarkiverse.schematic.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.schematic.Entitlement;

/**
 * A company as DataStream sends it ({@code rulesengine.Company}): its keys, plans, credit balances, entitlements,
 * usage metrics, traits, its own rules and its billing subscription.
 * <p>
 * Immutable, so one instance can serve any number of concurrent checks; the lookups a check needs (traits by
 * definition, metrics by subtype and period, entitlements by feature key, its rules by flag, already in visit order)
 * are built at construction. Usage changes give a new company ({@link #withMetricIncremented},
 * {@link #withMetric}): swap it into whatever holds the company (for example with
 * {@code ConcurrentMap.computeIfPresent}) and checks see either the old or the new figures, never a mix.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE, fieldVisibility = Visibility.NONE)
public final class RulesCompany extends WireEntity {

    private final Map<String, String> keys;
    private final String basePlanId;
    private final List<String> planIds;
    private final List<String> planVersionIds;
    private final List<String> billingProductIds;
    private final Map<String, Double> creditBalances;
    private final List<RulesEntitlement> entitlements;
    private final List<RulesCompanyMetric> metrics;
    private final List<RulesTrait> traits;
    private final List<RulesRule> rules;
    private final RulesSubscription subscription;

    final String[] planIdArray;
    final String[] planVersionIdArray;
    final String[] billingProductIdArray;
    final ReferenceTable<String, RulesTrait> traitIndex;
    private final ReferenceTable<MetricKey, RulesCompanyMetric> metricIndex;
    /** Balances by interned credit id. */
    private final ReferenceTable<String, Double> creditIndex;
    /** Entitlements by interned feature key. */
    private final ReferenceTable<String, Entitlement> entitlementIndex;
    private final Map<String, RulesRule[]> ruleIndex;

    /**
     * Creates a company from its wire fields (JSON names in brackets). {@code null} collections are empty.
     *
     * @param id [id]
     * @param accountId [account_id]
     * @param environmentId [environment_id]
     * @param keys [keys] the keys applications identify the company by, such as {@code {"id": "acme"}}
     * @param basePlanId [base_plan_id]
     * @param planIds [plan_ids]
     * @param planVersionIds [plan_version_ids]
     * @param billingProductIds [billing_product_ids]
     * @param creditBalances [credit_balances] credits left, by credit id
     * @param entitlements [entitlements]
     * @param metrics [metrics] usage of metered events
     * @param traits [traits]
     * @param rules [rules] the company's own rules, each for the flag of its {@code flag_id}
     * @param subscription [subscription] the billing period
     */
    @JsonCreator
    public RulesCompany(@JsonProperty("id") String id, @JsonProperty("account_id") String accountId,
            @JsonProperty("environment_id") String environmentId, @JsonProperty("keys") Map<String, String> keys,
            @JsonProperty("base_plan_id") String basePlanId, @JsonProperty("plan_ids") List<String> planIds,
            @JsonProperty("plan_version_ids") List<String> planVersionIds,
            @JsonProperty("billing_product_ids") List<String> billingProductIds,
            @JsonProperty("credit_balances") Map<String, Double> creditBalances,
            @JsonProperty("entitlements") List<RulesEntitlement> entitlements,
            @JsonProperty("metrics") List<RulesCompanyMetric> metrics,
            @JsonProperty("traits") List<RulesTrait> traits, @JsonProperty("rules") List<RulesRule> rules,
            @JsonProperty("subscription") RulesSubscription subscription) {
        super(id, accountId, environmentId);
        this.keys = Lists.copy(keys);
        this.basePlanId = Interned.of(basePlanId);
        this.planIdArray = Interned.array(Lists.copy(planIds));
        this.planVersionIdArray = Interned.array(Lists.copy(planVersionIds));
        this.billingProductIdArray = Interned.array(Lists.copy(billingProductIds));
        this.planIds = List.of(planIdArray);
        this.planVersionIds = List.of(planVersionIdArray);
        this.billingProductIds = List.of(billingProductIdArray);
        this.creditBalances = Lists.copy(creditBalances);
        this.entitlements = Lists.copy(entitlements);
        this.metrics = Lists.copy(metrics);
        this.traits = Lists.copy(traits);
        this.rules = Lists.copy(rules);
        this.subscription = subscription;

        this.traitIndex = EntityIndex.traitsByDefinition(this.traits);
        this.metricIndex = metricIndex(this.metrics);
        this.creditIndex = creditIndex(this.creditBalances);
        this.entitlementIndex = entitlementIndex(this.entitlements);
        this.ruleIndex = EntityIndex.rulesByFlag(this.rules);
    }

    /** A copy with other metrics and entitlements; every other field and lookup is shared, being immutable. */
    private RulesCompany(RulesCompany base, List<RulesCompanyMetric> metrics, List<RulesEntitlement> entitlements) {
        super(base.id(), base.accountId(), base.environmentId());
        this.keys = base.keys;
        this.basePlanId = base.basePlanId;
        this.planIds = base.planIds;
        this.planVersionIds = base.planVersionIds;
        this.billingProductIds = base.billingProductIds;
        this.creditBalances = base.creditBalances;
        this.entitlements = entitlements;
        this.metrics = metrics;
        this.traits = base.traits;
        this.rules = base.rules;
        this.subscription = base.subscription;
        this.planIdArray = base.planIdArray;
        this.planVersionIdArray = base.planVersionIdArray;
        this.billingProductIdArray = base.billingProductIdArray;
        this.traitIndex = base.traitIndex;
        this.metricIndex = metricIndex(metrics);
        this.creditIndex = base.creditIndex;
        this.entitlementIndex = entitlementIndex(entitlements);
        this.ruleIndex = base.ruleIndex;
    }

    /** The first metric wins when two share subtype, period and reset, as in the reference engine. */
    private static ReferenceTable<MetricKey, RulesCompanyMetric> metricIndex(List<RulesCompanyMetric> metrics) {
        Map<MetricKey, RulesCompanyMetric> index = new HashMap<>();
        for (RulesCompanyMetric metric : metrics) {
            index.putIfAbsent(metric.key, metric);
        }
        return ReferenceTable.of(index);
    }

    private static ReferenceTable<String, Double> creditIndex(Map<String, Double> balances) {
        Map<String, Double> index = new HashMap<>();
        balances.forEach((creditId, balance) -> index.put(Interned.of(creditId), balance));
        return ReferenceTable.of(index);
    }

    /** The first entitlement wins when two are for the same feature key, as in the reference engine. */
    private static ReferenceTable<String, Entitlement> entitlementIndex(List<RulesEntitlement> entitlements) {
        Map<String, Entitlement> index = new HashMap<>();
        for (RulesEntitlement entitlement : entitlements) {
            index.putIfAbsent(entitlement.featureKey(), entitlement.toEntitlement());
        }
        return ReferenceTable.of(index);
    }

    /**
     * This company after {@code quantity} more track events of {@code eventSubtype}: every metric of that subtype
     * (whatever its period) goes up by {@code quantity}, as the official SDKs do after a {@code track} call, and
     * entitlements metered by such a metric report its new value as their usage. Metrics the company does not have
     * are not created (DataStream sends them once Schematic counted the events). A negative quantity lowers the
     * metrics (a correction, or a what-if when debugging). Returns this company when it has no metric of that subtype.
     */
    public RulesCompany withMetricIncremented(String eventSubtype, long quantity) {
        if (eventSubtype == null) {
            throw new IllegalArgumentException("eventSubtype must not be null");
        }
        List<RulesCompanyMetric> updated = new ArrayList<>(metrics.size());
        boolean changed = false;
        for (RulesCompanyMetric metric : metrics) {
            if (metric.eventSubtype().equals(eventSubtype)) {
                updated.add(metric.plus(quantity));
                changed = true;
            } else {
                updated.add(metric);
            }
        }
        return changed ? withMetrics(updated) : this;
    }

    /**
     * This company with {@code metric} added, or in place of the metric with the same event subtype, period and month
     * reset; entitlements metered by it report its value as their usage.
     */
    public RulesCompany withMetric(RulesCompanyMetric metric) {
        if (metric == null) {
            throw new IllegalArgumentException("metric must not be null");
        }
        List<RulesCompanyMetric> updated = new ArrayList<>(metrics.size() + 1);
        boolean replaced = false;
        for (RulesCompanyMetric existing : metrics) {
            if (!replaced && existing.key.equals(metric.key)) {
                updated.add(metric);
                replaced = true;
            } else {
                updated.add(existing);
            }
        }
        if (!replaced) {
            updated.add(metric);
        }
        return withMetrics(updated);
    }

    /**
     * A copy with these metrics, in which each metered entitlement's usage is re-derived from them, as the server
     * does when it assembles a company (Schematic's SDKs do the same for DataStream updates of metrics alone).
     */
    private RulesCompany withMetrics(List<RulesCompanyMetric> newMetrics) {
        ReferenceTable<MetricKey, RulesCompanyMetric> index = metricIndex(newMetrics);
        List<RulesEntitlement> newEntitlements = new ArrayList<>(entitlements.size());
        for (RulesEntitlement entitlement : entitlements) {
            MetricKey meteredBy = entitlement.usageMetric();
            RulesCompanyMetric metric = meteredBy == null ? null : index.get(meteredBy);
            boolean stale = metric != null
                    && (entitlement.usage() == null || entitlement.usage() != metric.value());
            newEntitlements.add(stale ? entitlement.withUsage(metric.value()) : entitlement);
        }
        return new RulesCompany(this, List.copyOf(newMetrics), List.copyOf(newEntitlements));
    }

    /** The company's usage of a metric, 0 when it has none. */
    long metricValue(MetricKey key) {
        RulesCompanyMetric metric = metricIndex.get(key);
        return metric == null ? 0 : metric.value();
    }

    /** The company's balance of a credit, 0 when it has none. */
    double creditBalance(String creditId) {
        Double balance = creditIndex.get(creditId);
        return balance == null ? 0 : balance;
    }

    /** The entitlement to the feature of this flag key, or {@code null} (both keys interned: compared by reference). */
    Entitlement entitlementFor(String featureKey) {
        return entitlementIndex.get(featureKey);
    }

    /** The company's own rules for this flag, in visit order. */
    RulesRule[] rulesFor(String flagId) {
        return EntityIndex.rulesFor(ruleIndex, flagId);
    }

    /** Never {@code null}. */
    @JsonProperty("keys")
    public Map<String, String> keys() {
        return keys;
    }

    /** {@code null} when the company has no base plan. */
    @JsonProperty("base_plan_id")
    public String basePlanId() {
        return basePlanId;
    }

    /** Never {@code null}. */
    @JsonProperty("plan_ids")
    public List<String> planIds() {
        return planIds;
    }

    /** Never {@code null}. */
    @JsonProperty("plan_version_ids")
    public List<String> planVersionIds() {
        return planVersionIds;
    }

    /** Never {@code null}. */
    @JsonProperty("billing_product_ids")
    public List<String> billingProductIds() {
        return billingProductIds;
    }

    /** Credits left by credit id; never {@code null}. */
    @JsonProperty("credit_balances")
    public Map<String, Double> creditBalances() {
        return creditBalances;
    }

    /** Never {@code null}. */
    @JsonProperty("entitlements")
    public List<RulesEntitlement> entitlements() {
        return entitlements;
    }

    /** Never {@code null}. */
    @JsonProperty("metrics")
    public List<RulesCompanyMetric> metrics() {
        return metrics;
    }

    /** Never {@code null}. */
    @JsonProperty("traits")
    public List<RulesTrait> traits() {
        return traits;
    }

    /** Never {@code null}. */
    @JsonProperty("rules")
    public List<RulesRule> rules() {
        return rules;
    }

    /** {@code null} when the company has no subscription. */
    @JsonProperty("subscription")
    public RulesSubscription subscription() {
        return subscription;
    }
}
