package io.quarkiverse.schematic.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lookups a company or user offers a check, built once per entity: its traits by definition id and its own rules
 * by flag id, already in visit order.
 */
final class EntityIndex {

    private static final RulesRule[] NONE = new RulesRule[0];

    private EntityIndex() {
    }

    /** Traits by definition id; the first trait wins when two share a definition, as in the reference engine. */
    static ReferenceTable<String, RulesTrait> traitsByDefinition(List<RulesTrait> traits) {
        Map<String, RulesTrait> index = new HashMap<>();
        for (RulesTrait trait : traits) {
            if (trait.traitDefinition() != null) {
                index.putIfAbsent(trait.traitDefinition().id(), trait); // interned by RulesTraitDefinition
            }
        }
        return ReferenceTable.of(index);
    }

    /** Rules by the flag they are for, each list in visit order; rules without a flag id are left out. */
    static Map<String, RulesRule[]> rulesByFlag(List<RulesRule> rules) {
        if (rules.isEmpty()) {
            return Map.of();
        }
        Map<String, List<RulesRule>> byFlag = new HashMap<>();
        for (RulesRule rule : rules) {
            if (rule.flagId() != null) {
                byFlag.computeIfAbsent(rule.flagId(), flag -> new ArrayList<>()).add(rule);
            }
        }
        Map<String, RulesRule[]> index = new HashMap<>();
        byFlag.forEach((flag, forFlag) -> index.put(flag, RuleOrder.sorted(forFlag)));
        return index;
    }

    /** The rules of {@code flagId} in an index of {@link #rulesByFlag}; empty when there are none. */
    static RulesRule[] rulesFor(Map<String, RulesRule[]> index, String flagId) {
        if (index.isEmpty()) { // most companies and users have no rules of their own
            return NONE;
        }
        RulesRule[] rules = index.get(flagId);
        return rules == null ? NONE : rules;
    }
}
