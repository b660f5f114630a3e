package io.quarkiverse.schematic;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a company is entitled to for one feature, and how much of it is used: the figures a usage page or an "8 of 10
 * seats" label needs. Numbers Schematic did not send are {@code null}.
 * <p>
 * A check's {@link FlagCheck#entitlement()} carries the company's current figures, also for a preflight check (whose
 * value alone reflects the hypothetical usage). Answers of the cache keep the figures of the moment Schematic
 * answered: up to {@code quarkus.schematic.cache.ttl} old.
 *
 * @param featureId Schematic id of the feature
 * @param featureKey key of the feature's flag
 * @param valueType how the entitlement is measured
 * @param allocation how much the company may use in the current period, for numeric and trait entitlements
 * @param usage how much the company used in the current period
 * @param softLimit the usage above which the customer should be told, without being refused
 * @param eventName the track event that meters the usage
 * @param eventSubtype the event subtype that meters the usage
 * @param metricPeriod the period usage is counted over
 * @param monthReset when a monthly period starts again
 * @param metricResetAt when the current period ends and usage starts from zero again
 * @param creditId the credit type a credit entitlement spends
 * @param creditTotal credits granted
 * @param creditUsed credits spent
 * @param creditRemaining credits left
 * @param creditReserved credits held for work in progress
 * @param creditSettled credits settled
 * @param consumptionRate credits one use of the feature costs
 * @param warningTiers usage levels to warn at, in Schematic's order (never {@code null})
 */
public record Entitlement(String featureId, String featureKey, EntitlementValueType valueType, Long allocation,
        Long usage, Long softLimit, String eventName, String eventSubtype, MetricPeriod metricPeriod,
        MonthReset monthReset, Instant metricResetAt, String creditId, Double creditTotal, Double creditUsed,
        Double creditRemaining, Double creditReserved, Double creditSettled, Double consumptionRate,
        List<WarningTier> warningTiers) {

    public Entitlement {
        valueType = valueType == null ? EntitlementValueType.UNKNOWN : valueType;
        warningTiers = warningTiers == null ? List.of() : List.copyOf(warningTiers);
    }

    /** Whether the feature has no limit. */
    public boolean unlimited() {
        return valueType == EntitlementValueType.UNLIMITED;
    }

    /**
     * How much is left of the allocation in the current period (never below zero); empty when the entitlement is
     * unlimited or Schematic sent no allocation.
     */
    public OptionalLong remaining() {
        if (unlimited() || allocation == null) {
            return OptionalLong.empty();
        }
        long used = usage == null ? 0 : usage;
        return OptionalLong.of(Math.max(0, allocation - used));
    }

    /**
     * Whether {@code quantity} more would fit in the allocation, by this entitlement's figures: always when the
     * entitlement is unlimited, never without an allocation, otherwise when usage plus {@code quantity} stays within
     * the allocation. This is arithmetic on the figures of an answer (to show what is left, or grey out a button);
     * whether an action is allowed is the check's value, which Schematic decides, or a
     * {@link Preflight preflight} check.
     *
     * @throws IllegalArgumentException if {@code quantity} is negative
     */
    public boolean fits(long quantity) {
        Arguments.notNegative(quantity, "quantity");
        if (unlimited()) {
            return true;
        }
        OptionalLong left = remaining();
        return left.isPresent() && quantity <= left.getAsLong();
    }

    /**
     * Whether the action a preflight describes would fit, by this entitlement's figures: {@link #fits(long)} with the
     * preflight's {@link Preflight#quantityFor(String) quantity} for this entitlement's event, or one unit when the
     * preflight gives none or is {@code null} (a plain check asks whether one more use fits).
     */
    public boolean fits(Preflight preflight) {
        return fits(Math.max(1, preflight == null ? 0 : preflight.quantityFor(eventName)));
    }

    /** Whether usage has gone above the soft limit (never when there is no soft limit). */
    public boolean overSoftLimit() {
        return softLimit != null && usage != null && usage > softLimit;
    }
}
