package io.quarkiverse.schematic.runtime.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.schematic.rules.RulesEntitlement;

/**
 * One evaluated flag, as returned by the check endpoints. Enum values stay text here, so that a value this version
 * does not know never fails reading the answer.
 *
 * @param entitlement the {@code FeatureEntitlement} object, read by the public rules model that also reads it from
 *        DataStream
 * @param featureAllocation deprecated mirror of {@code entitlement.allocation}, sent by older servers alone
 * @param featureUsage deprecated mirror of {@code entitlement.usage}
 * @param featureUsageEvent deprecated mirror of {@code entitlement.event_name}
 * @param featureUsagePeriod deprecated mirror of {@code entitlement.metric_period}
 * @param featureUsageResetAt deprecated mirror of {@code entitlement.metric_reset_at}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FlagCheckData(
        String flag,
        Boolean value,
        String reason,
        @JsonProperty("flag_id") String flagId,
        @JsonProperty("company_id") String companyId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("rule_id") String ruleId,
        String error,
        @JsonProperty("rule_type") String ruleType,
        RulesEntitlement entitlement,
        @JsonProperty("feature_allocation") Long featureAllocation,
        @JsonProperty("feature_usage") Long featureUsage,
        @JsonProperty("feature_usage_event") String featureUsageEvent,
        @JsonProperty("feature_usage_period") String featureUsagePeriod,
        @JsonProperty("feature_usage_reset_at") String featureUsageResetAt) {
}
