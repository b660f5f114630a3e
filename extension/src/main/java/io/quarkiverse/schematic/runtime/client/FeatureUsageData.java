package io.quarkiverse.schematic.runtime.client;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The part of {@code FeatureUsageResponseData} that the extension exposes: access, allocation and usage of one feature
 * for a company, with the feature and the plan it comes from. Schematic deprecated {@code credit_total} in favour of
 * {@code credit_remaining}, so it is not read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeatureUsageData(
        Boolean access,
        @JsonProperty("allocation_type") String allocationType,
        Long allocation,
        Long usage,
        @JsonProperty("soft_limit") Long softLimit,
        @JsonProperty("percent_used") Double percentUsed,
        @JsonProperty("is_unlimited") Boolean unlimited,
        String period,
        @JsonProperty("month_reset") String monthReset,
        @JsonProperty("metric_reset_at") OffsetDateTime metricResetAt,
        @JsonProperty("credit_used") Double creditUsed,
        @JsonProperty("credit_remaining") Double creditRemaining,
        @JsonProperty("credit_consumption_rate") Double creditConsumptionRate,
        FeatureData feature,
        PlanData plan) {

    /** The feature: its flags carry the key that flag checks use. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FeatureData(String id, String name, @JsonProperty("event_subtype") String eventSubtype,
            List<FlagData> flags) {
    }

    /** A flag of the feature. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FlagData(String key) {
    }

    /** The plan the entitlement comes from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlanData(String id, String name) {
    }
}
