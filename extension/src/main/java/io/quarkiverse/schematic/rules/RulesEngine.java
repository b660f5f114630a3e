package io.quarkiverse.schematic.rules;

import java.time.Clock;
import java.time.Instant;

import io.quarkiverse.schematic.Entitlement;
import io.quarkiverse.schematic.MetricPeriod;
import io.quarkiverse.schematic.Preflight;

/**
 * Evaluates a flag for a company and user the way Schematic's rules engine does, in memory, from the entities
 * DataStream sends. Stateless and thread-safe; a check allocates little more than its answer.
 * <p>
 * The algorithm: start from the flag's default value. Visit the flag's rules together with the company's and the
 * user's own rules for this flag ({@code flag_id} equal to the flag's id), grouped by type in this order: global
 * override, company override, plan entitlement, company override usage exceeded, plan entitlement usage exceeded,
 * standard, default; standard rules by ascending priority, the four override and entitlement types with rules that
 * turn the flag on first. The first rule that matches decides the value.
 */
public final class RulesEngine {

    /** The reason of an answer without a flag. */
    public static final String REASON_FLAG_NOT_FOUND = "Flag not found";
    /** The reason of an answer that no rule decided. */
    public static final String REASON_NO_RULES_MATCHED = "No rules matched; default value for flag";
    /** The error of an answer without a flag. */
    public static final String ERROR_FLAG_NOT_FOUND = "flag not found";

    private static final RulesRule[] NO_RULES = new RulesRule[0];

    private RulesEngine() {
    }

    /**
     * Checks a flag now; see {@link #checkFlag(RulesFlag, RulesCompany, RulesUser, Preflight, Clock)}.
     */
    public static RulesResult checkFlag(RulesFlag flag, RulesCompany company, RulesUser user, Preflight preflight) {
        return checkFlag(flag, company, user, preflight, Clock.systemUTC());
    }

    /**
     * Checks a flag for a company and user.
     *
     * @param flag the flag; {@code null} gives an answer with reason {@value #REASON_FLAG_NOT_FOUND}, value
     *        {@code false} and an error
     * @param company the company, or {@code null}: company conditions then never match
     * @param user the user, or {@code null}: user conditions then never match
     * @param preflight the size of an action about to be taken, added to the company's usage for the value only (not
     *        for the reported usage figures), or {@code null}
     * @param clock the time the usage reset time ({@link RulesResult#featureUsageResetAt()}) is computed from
     * @return the answer; never {@code null}
     * @throws RulesEngineException when the flag's data is inconsistent, for example a metric condition without a
     *         {@code metric_value} (the reference engine answers with an error there)
     * @throws IllegalArgumentException when {@code clock} is {@code null}
     */
    public static RulesResult checkFlag(RulesFlag flag, RulesCompany company, RulesUser user, Preflight preflight,
            Clock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
        if (flag == null) {
            return new RulesResult(false, REASON_FLAG_NOT_FOUND, null, null, null, null, null, null,
                    ERROR_FLAG_NOT_FOUND, null, null, null, null, null, null);
        }
        RulesRule rule = firstMatch(flag, company, user, PreflightInput.of(preflight));
        String companyId = company == null ? null : company.id();
        String userId = user == null ? null : user.id();
        Entitlement entitlement = company == null ? null : company.entitlementFor(flag.key());
        if (rule == null) {
            return new RulesResult(flag.defaultValue(), REASON_NO_RULES_MATCHED, flag.key(), flag.id(), companyId,
                    userId, null, null, null, entitlement, null, null, null, null, null);
        }
        RulesCondition usage = rule.usageCondition;
        if (usage == null || company == null) {
            return new RulesResult(rule.value(), rule.reason, flag.key(), flag.id(), companyId, userId, rule.id(),
                    rule.type, null, entitlement, null, null, null, null, null);
        }
        return entitlementAnswer(flag, rule, usage, company, userId, entitlement, clock.instant());
    }

    /**
     * The first matching rule in visit order, merging the flag's rules with the company's and user's rules for this
     * flag (each already in visit order; on a tie the flag's rule comes first, then the company's).
     */
    private static RulesRule firstMatch(RulesFlag flag, RulesCompany company, RulesUser user,
            PreflightInput preflight) {
        RulesRule[] flagRules = flag.orderedRules;
        RulesRule[] companyRules = company == null ? NO_RULES : company.rulesFor(flag.id());
        RulesRule[] userRules = user == null ? NO_RULES : user.rulesFor(flag.id());
        if (companyRules.length == 0 && userRules.length == 0) {
            for (RulesRule rule : flagRules) {
                if (rule.matches(company, user, preflight)) {
                    return rule;
                }
            }
            return null;
        }
        int f = 0;
        int c = 0;
        int u = 0;
        while (f < flagRules.length || c < companyRules.length || u < userRules.length) {
            RulesRule next = f < flagRules.length ? flagRules[f] : null;
            if (c < companyRules.length && (next == null || RuleOrder.before(companyRules[c], next))) {
                next = companyRules[c];
            }
            if (u < userRules.length && (next == null || RuleOrder.before(userRules[u], next))) {
                next = userRules[u];
            }
            if (f < flagRules.length && next == flagRules[f]) {
                f++;
            } else if (c < companyRules.length && next == companyRules[c]) {
                c++;
            } else {
                u++;
            }
            if (next.matches(company, user, preflight)) {
                return next;
            }
        }
        return null;
    }

    /**
     * The answer of an entitlement rule with a metric or trait condition: the company's usage and the limit of that
     * condition (a comparison trait the company has overrides the limit), and for a metric its event and period.
     */
    private static RulesResult entitlementAnswer(RulesFlag flag, RulesRule rule, RulesCondition condition,
            RulesCompany company, String userId, Entitlement entitlement, Instant now) {
        long usage = 0;
        long allocation = 0;
        String event = null;
        MetricPeriod period = null;
        Instant resetAt = null;
        if (condition.type == ConditionType.METRIC) {
            if (condition.metricKey != null) {
                event = condition.eventSubtype();
                usage = company.metricValue(condition.metricKey);
            }
            if (condition.metricValue() != null) {
                allocation = condition.metricValue();
            }
            period = MetricPeriod.fromWire(
                    condition.metricPeriod() == null ? MetricKey.DEFAULT_PERIOD : condition.metricPeriod());
            resetAt = MetricPeriods.nextReset(condition, company, now);
        } else {
            RulesTrait used = condition.traitDefinition() == null ? null
                    : company.traitIndex.get(condition.traitDefinition().id());
            if (used != null) {
                usage = used.value.asInt;
            }
            allocation = condition.typedTraitValue().asInt;
        }
        if (condition.comparisonTraitDefinition() != null) {
            RulesTrait limit = company.traitIndex.get(condition.comparisonTraitDefinition().id());
            if (limit != null) {
                allocation = limit.value.asInt;
            }
        }
        return new RulesResult(rule.value(), rule.reason, flag.key(), flag.id(), company.id(), userId, rule.id(),
                rule.type, null, entitlement, usage, allocation, event, period, resetAt);
    }
}
