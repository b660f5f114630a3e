package io.quarkiverse.schematic.rules;

import java.time.Instant;

import io.quarkiverse.schematic.Entitlement;
import io.quarkiverse.schematic.MetricPeriod;
import io.quarkiverse.schematic.RuleType;

/**
 * The answer of {@link RulesEngine#checkFlag}: the flag's value for a company and user and why.
 * <p>
 * The {@code feature*} figures are set only when an entitlement rule (company override, plan entitlement or their
 * usage-exceeded variants) with a metric or trait condition decided; they describe the company's current usage,
 * without any preflight quantity. {@link #entitlement()} is the company's entitlement to the flag's feature, whatever
 * rule decided.
 *
 * @param value the flag's value
 * @param reason why: {@code Matched <rule type> rule "<name>" (<id>)}, {@value RulesEngine#REASON_NO_RULES_MATCHED}
 *        or {@value RulesEngine#REASON_FLAG_NOT_FOUND}
 * @param flagKey the flag's key; {@code null} when there was no flag
 * @param flagId the flag's id; {@code null} when there was no flag
 * @param companyId the company's id; {@code null} without a company
 * @param userId the user's id; {@code null} without a user
 * @param ruleId the deciding rule; {@code null} when no rule matched
 * @param ruleType the deciding rule's type; {@code null} when no rule matched
 * @param error what went wrong; set only when there was no flag
 * @param entitlement the company's entitlement whose feature key is the flag's key, or {@code null}
 * @param featureUsage the company's usage of the deciding entitlement rule's metric or trait
 * @param featureAllocation the limit of the deciding entitlement rule
 * @param featureUsageEvent the metered event of the deciding entitlement rule's metric
 * @param featureUsagePeriod the period the metric counts over ({@link MetricPeriod#ALL_TIME} when it has none)
 * @param featureUsageResetAt when that period's usage starts from zero again; {@code null} for all time
 */
public record RulesResult(boolean value, String reason, String flagKey, String flagId, String companyId,
        String userId, String ruleId, RuleType ruleType, String error, Entitlement entitlement, Long featureUsage,
        Long featureAllocation, String featureUsageEvent, MetricPeriod featureUsagePeriod,
        Instant featureUsageResetAt) {
}
