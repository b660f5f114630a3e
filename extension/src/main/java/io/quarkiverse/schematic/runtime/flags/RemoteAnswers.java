package io.quarkiverse.schematic.runtime.flags;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.schematic.CompanyFlags;
import io.quarkiverse.schematic.CompanyPlan;
import io.quarkiverse.schematic.CreditBalance;
import io.quarkiverse.schematic.Entitlement;
import io.quarkiverse.schematic.EntitlementValueType;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.MetricPeriod;
import io.quarkiverse.schematic.RuleType;
import io.quarkiverse.schematic.TrialStatus;
import io.quarkiverse.schematic.runtime.client.FlagCheckData;
import io.quarkiverse.schematic.runtime.client.FlagsCheckData;

/**
 * Public answers from Schematic's check answers. What Schematic may extend (enum values, optional times of the plan
 * and of deprecated fields) is read leniently: something this version does not know never fails a check.
 */
final class RemoteAnswers {

    private RemoteAnswers() {
    }

    /**
     * One flag of an answer.
     *
     * @throws UnreadableAnswerException without a flag key or a value
     */
    static FlagCheck check(String flag, FlagCheckData data, String operation) {
        if (flag == null || data == null || data.value() == null) {
            throw new UnreadableAnswerException(operation);
        }
        return new FlagCheck(flag, data.value(), data.reason(), data.flagId(), data.companyId(), data.userId(),
                data.ruleId(), FlagSource.REMOTE, data.error(), RuleType.fromWire(data.ruleType()),
                entitlement(flag, data));
    }

    /**
     * Every flag of an answer with the plan and credit balances.
     *
     * @throws UnreadableAnswerException without a list of flags, or with a flag that has no key or value
     */
    static CompanyFlags flags(FlagsCheckData data, String operation) {
        if (data == null || data.flags() == null) {
            throw new UnreadableAnswerException(operation);
        }
        List<FlagCheck> flags = new ArrayList<>(data.flags().size());
        for (FlagCheckData flag : data.flags()) {
            flags.add(check(flag == null ? null : flag.flag(), flag, operation));
        }
        return new CompanyFlags(flags, plan(data.plan()), creditBalances(data.creditBalances()));
    }

    /**
     * The {@code entitlement} object when sent, else one made of the deprecated {@code feature_*} fields that older
     * answers carry alone (value type unknown, feature key = the flag), else {@code null}.
     */
    static Entitlement entitlement(String flag, FlagCheckData data) {
        if (data.entitlement() != null) {
            return data.entitlement().toEntitlement();
        }
        if (data.featureAllocation() == null && data.featureUsage() == null && data.featureUsageEvent() == null) {
            return null;
        }
        return new Entitlement(null, flag, EntitlementValueType.UNKNOWN, data.featureAllocation(), data.featureUsage(),
                null, data.featureUsageEvent(), null, MetricPeriod.fromWire(data.featureUsagePeriod()), null,
                instantOrNull(data.featureUsageResetAt()), null, null, null, null, null, null, null, null);
    }

    private static CompanyPlan plan(FlagsCheckData.PlanData plan) {
        return plan == null ? null
                : new CompanyPlan(plan.id(), plan.name(), instantOrNull(plan.trialEndDate()),
                        TrialStatus.fromWire(plan.trialStatus()));
    }

    private static Map<String, CreditBalance> creditBalances(Map<String, FlagsCheckData.CreditBalanceData> balances) {
        if (balances == null || balances.isEmpty()) {
            return Map.of();
        }
        Map<String, CreditBalance> converted = new LinkedHashMap<>();
        balances.forEach((credit, balance) -> {
            if (credit != null && balance != null) {
                converted.put(credit, new CreditBalance(orZero(balance.remaining()), orZero(balance.reserved()),
                        orZero(balance.settled())));
            }
        });
        return converted;
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    /** An RFC 3339 time, or {@code null} when absent or unreadable. */
    private static Instant instantOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
