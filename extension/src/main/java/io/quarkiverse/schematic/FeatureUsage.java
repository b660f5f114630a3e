package io.quarkiverse.schematic;

import java.time.Instant;

/**
 * Access, allocation and usage of one feature for a company: a row of a usage page ("8 of 10 seats"). Numbers
 * Schematic did not send are {@code null}.
 *
 * @param featureId Schematic id of the feature
 * @param featureKey key of the feature's flag, the one flag checks use; {@code null} if the feature has no flag
 * @param featureName display name of the feature
 * @param eventSubtype the track event that meters the feature, for event-based features
 * @param access whether the company may use the feature further
 * @param valueType how the allocation is measured
 * @param allocation how much the company may use in the current period; {@code null} when usage is unlimited or
 *        paid with credits
 * @param usage how much the company used in the current period; {@code null} when it is not measured or paid with
 *        credits
 * @param softLimit usage above which overage is charged, for overage pricing
 * @param percentUsed share of the allocation used, in percent (0 to 100, above 100 in overage)
 * @param unlimited whether the allocation has no limit
 * @param period the period usage is counted over
 * @param monthReset when a monthly period starts again
 * @param metricResetAt when the current period ends and usage starts from zero again
 * @param creditUsed credits spent, for credit-based features
 * @param creditRemaining credits left, for credit-based features
 * @param creditConsumptionRate credits one unit of usage costs, for credit-based features
 * @param planId id of the plan the entitlement comes from; {@code null} when Schematic names none
 * @param planName name of that plan
 */
public record FeatureUsage(String featureId, String featureKey, String featureName, String eventSubtype,
        boolean access, EntitlementValueType valueType, Long allocation, Long usage, Long softLimit,
        Double percentUsed, boolean unlimited, MetricPeriod period, MonthReset monthReset, Instant metricResetAt,
        Double creditUsed, Double creditRemaining, Double creditConsumptionRate, String planId, String planName) {

    public FeatureUsage {
        valueType = valueType == null ? EntitlementValueType.UNKNOWN : valueType;
    }
}
