package io.quarkiverse.schematic.rules;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.quarkiverse.schematic.RuleType;

/**
 * The order in which a flag check visits rules: by type (global override, company override, plan entitlement, the
 * two usage-exceeded types, standard, default); inside {@code standard} by ascending priority; inside the four
 * override and entitlement types rules that turn the flag on first ("optimistic"). Rules of an unknown type are never
 * visited. Ties keep the order the rules came in (flag rules, then company rules, then user rules).
 */
final class RuleOrder {

    /** The position of a type that is never visited. */
    static final int NOT_VISITED = -1;

    private static final Comparator<RulesRule> VISIT_ORDER = Comparator.<RulesRule> comparingInt(rule -> rule.typeOrder)
            .thenComparingLong(rule -> rule.orderInType);

    private static final RulesRule[] NONE = new RulesRule[0];

    private RuleOrder() {
    }

    static int typeOrder(RuleType type) {
        if (type == null) {
            return NOT_VISITED;
        }
        return switch (type) {
            case GLOBAL_OVERRIDE -> 0;
            case COMPANY_OVERRIDE -> 1;
            case PLAN_ENTITLEMENT -> 2;
            case COMPANY_OVERRIDE_USAGE_EXCEEDED -> 3;
            case PLAN_ENTITLEMENT_USAGE_EXCEEDED -> 4;
            case STANDARD -> 5;
            case DEFAULT -> 6;
            case UNKNOWN -> NOT_VISITED;
        };
    }

    /** Where a rule goes among the rules of its type. */
    static long orderInType(RuleType type, long priority, boolean value) {
        if (type == RuleType.STANDARD) {
            return priority;
        }
        if (isEntitlement(type)) {
            return value ? 0 : 1;
        }
        return 0;
    }

    /** The four types whose matches report usage and allocation. */
    static boolean isEntitlement(RuleType type) {
        return type == RuleType.COMPANY_OVERRIDE || type == RuleType.PLAN_ENTITLEMENT
                || type == RuleType.COMPANY_OVERRIDE_USAGE_EXCEEDED || type == RuleType.PLAN_ENTITLEMENT_USAGE_EXCEEDED;
    }

    /** The visited rules in visit order (a stable sort, so ties keep their order). */
    static RulesRule[] sorted(List<RulesRule> rules) {
        RulesRule[] visited = rules.stream().filter(rule -> rule.typeOrder != NOT_VISITED).toArray(RulesRule[]::new);
        if (visited.length == 0) {
            return NONE;
        }
        Arrays.sort(visited, VISIT_ORDER);
        return visited;
    }

    /** Whether {@code a} is visited strictly before {@code b}. */
    static boolean before(RulesRule a, RulesRule b) {
        return a.typeOrder < b.typeOrder || (a.typeOrder == b.typeOrder && a.orderInType < b.orderInType);
    }
}
