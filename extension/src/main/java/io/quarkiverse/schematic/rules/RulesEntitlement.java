package io.quarkiverse.schematic.rules;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.schematic.Entitlement;
import io.quarkiverse.schematic.EntitlementValueType;
import io.quarkiverse.schematic.MetricPeriod;
import io.quarkiverse.schematic.MonthReset;
import io.quarkiverse.schematic.WarningTier;

/**
 * A company's entitlement to one feature, as Schematic sends it (the {@code FeatureEntitlement} object): in a
 * DataStream company's {@code entitlements} and as the {@code entitlement} of a flag-check answer of the REST API.
 * {@link #toEntitlement()} gives the extension's public {@link Entitlement}. Immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE, fieldVisibility = Visibility.NONE)
public final class RulesEntitlement {

    private final String featureId;
    private final String featureKey;
    private final String valueType;
    private final Long allocation;
    private final Long usage;
    private final Long softLimit;
    private final String eventName;
    private final String eventSubtype;
    private final String metricPeriod;
    private final String monthReset;
    private final String metricResetAtText;
    private final String creditId;
    private final Double creditTotal;
    private final Double creditUsed;
    private final Double creditRemaining;
    private final Double creditReserved;
    private final Double creditSettled;
    private final Double consumptionRate;
    private final List<WarningTier> warningTiers;
    /** Converted once: a check hands out the same instance. */
    private final Entitlement entitlement;

    /**
     * Creates an entitlement from its wire fields (JSON names in brackets).
     *
     * @param featureId [feature_id]
     * @param featureKey [feature_key] the key of the feature's flag
     * @param valueType [value_type] {@code boolean}, {@code credit}, {@code numeric}, {@code trait},
     *        {@code unlimited} or {@code unknown}
     * @param allocation [allocation]
     * @param usage [usage]
     * @param softLimit [soft_limit]
     * @param eventName [event_name] the metered event
     * @param eventSubtype [event_subtype]
     * @param metricPeriod [metric_period]
     * @param monthReset [month_reset]
     * @param metricResetAt [metric_reset_at] RFC 3339 timestamp
     * @param creditId [credit_id]
     * @param creditTotal [credit_total]
     * @param creditUsed [credit_used]
     * @param creditRemaining [credit_remaining]
     * @param creditReserved [credit_reserved]
     * @param creditSettled [credit_settled]
     * @param consumptionRate [consumption_rate]
     * @param warningTiers [warning_tiers] {@code [{"key", "value"}]}
     * @throws IllegalArgumentException when {@code metric_reset_at} is not RFC 3339
     */
    @JsonCreator
    public RulesEntitlement(@JsonProperty("feature_id") String featureId,
            @JsonProperty("feature_key") String featureKey, @JsonProperty("value_type") String valueType,
            @JsonProperty("allocation") Long allocation, @JsonProperty("usage") Long usage,
            @JsonProperty("soft_limit") Long softLimit, @JsonProperty("event_name") String eventName,
            @JsonProperty("event_subtype") String eventSubtype, @JsonProperty("metric_period") String metricPeriod,
            @JsonProperty("month_reset") String monthReset, @JsonProperty("metric_reset_at") String metricResetAt,
            @JsonProperty("credit_id") String creditId, @JsonProperty("credit_total") Double creditTotal,
            @JsonProperty("credit_used") Double creditUsed, @JsonProperty("credit_remaining") Double creditRemaining,
            @JsonProperty("credit_reserved") Double creditReserved,
            @JsonProperty("credit_settled") Double creditSettled,
            @JsonProperty("consumption_rate") Double consumptionRate,
            @JsonProperty("warning_tiers") List<WarningTier> warningTiers) {
        this.featureId = featureId == null ? "" : featureId;
        this.featureKey = featureKey == null ? "" : Interned.of(featureKey); // see RulesCompany#entitlementFor
        this.valueType = valueType == null ? "" : valueType;
        this.allocation = allocation;
        this.usage = usage;
        this.softLimit = softLimit;
        this.eventName = eventName;
        this.eventSubtype = eventSubtype;
        this.metricPeriod = metricPeriod;
        this.monthReset = monthReset;
        this.metricResetAtText = metricResetAt;
        this.creditId = creditId;
        this.creditTotal = creditTotal;
        this.creditUsed = creditUsed;
        this.creditRemaining = creditRemaining;
        this.creditReserved = creditReserved;
        this.creditSettled = creditSettled;
        this.consumptionRate = consumptionRate;
        this.warningTiers = Lists.copy(warningTiers);
        OffsetDateTime resetAt = WireTime.parse("metric_reset_at", metricResetAt);
        this.entitlement = new Entitlement(this.featureId, this.featureKey, EntitlementValueType.fromWire(valueType),
                allocation, usage, softLimit, eventName, eventSubtype, MetricPeriod.fromWire(metricPeriod),
                MonthReset.fromWire(monthReset), WireTime.instant(resetAt), creditId, creditTotal, creditUsed,
                creditRemaining, creditReserved, creditSettled, consumptionRate, this.warningTiers);
    }

    /** The extension's public view of this entitlement (the same instance every time). */
    public Entitlement toEntitlement() {
        return entitlement;
    }

    /** This entitlement with another usage, the rest unchanged. */
    public RulesEntitlement withUsage(long newUsage) {
        return new RulesEntitlement(featureId, featureKey, valueType, allocation, newUsage, softLimit, eventName,
                eventSubtype, metricPeriod, monthReset, metricResetAtText, creditId, creditTotal, creditUsed,
                creditRemaining, creditReserved, creditSettled, consumptionRate, warningTiers);
    }

    /** The company metric whose value is this entitlement's usage; {@code null} when it is not metered. */
    MetricKey usageMetric() {
        return eventName == null ? null : MetricKey.lookingFor(eventName, metricPeriod, monthReset);
    }

    @JsonProperty("feature_id")
    public String featureId() {
        return featureId;
    }

    @JsonProperty("feature_key")
    public String featureKey() {
        return featureKey;
    }

    @JsonProperty("value_type")
    public String valueType() {
        return valueType;
    }

    @JsonProperty("allocation")
    public Long allocation() {
        return allocation;
    }

    @JsonProperty("usage")
    public Long usage() {
        return usage;
    }

    @JsonProperty("soft_limit")
    public Long softLimit() {
        return softLimit;
    }

    @JsonProperty("event_name")
    public String eventName() {
        return eventName;
    }

    @JsonProperty("event_subtype")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String eventSubtype() {
        return eventSubtype;
    }

    @JsonProperty("metric_period")
    public String metricPeriod() {
        return metricPeriod;
    }

    @JsonProperty("month_reset")
    public String monthReset() {
        return monthReset;
    }

    /** When the usage period ends; {@code null} when not sent. */
    public Instant metricResetAt() {
        return entitlement.metricResetAt();
    }

    @JsonProperty("metric_reset_at")
    private String metricResetAtText() {
        return metricResetAtText;
    }

    @JsonProperty("credit_id")
    public String creditId() {
        return creditId;
    }

    @JsonProperty("credit_total")
    public Double creditTotal() {
        return creditTotal;
    }

    @JsonProperty("credit_used")
    public Double creditUsed() {
        return creditUsed;
    }

    @JsonProperty("credit_remaining")
    public Double creditRemaining() {
        return creditRemaining;
    }

    @JsonProperty("credit_reserved")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Double creditReserved() {
        return creditReserved;
    }

    @JsonProperty("credit_settled")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Double creditSettled() {
        return creditSettled;
    }

    @JsonProperty("consumption_rate")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Double consumptionRate() {
        return consumptionRate;
    }

    /** Never {@code null}. */
    @JsonProperty("warning_tiers")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<WarningTier> warningTiers() {
        return warningTiers;
    }
}
