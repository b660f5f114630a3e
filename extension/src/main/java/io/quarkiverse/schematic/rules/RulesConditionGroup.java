package io.quarkiverse.schematic.rules;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Conditions of which at least one must hold ({@code {"conditions": [...]}}): a rule matches only when each of its
 * groups has a matching condition, so an empty group never matches. Immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE, fieldVisibility = Visibility.NONE)
public final class RulesConditionGroup {

    private final List<RulesCondition> conditions;
    private final RulesCondition[] conditionArray;

    /** @param conditions [conditions] the alternatives */
    @JsonCreator
    public RulesConditionGroup(@JsonProperty("conditions") List<RulesCondition> conditions) {
        this.conditions = Lists.copy(conditions);
        this.conditionArray = this.conditions.toArray(new RulesCondition[0]);
    }

    /** Whether one of the conditions holds; they are tried in order. */
    boolean matches(RulesCompany company, RulesUser user, PreflightInput preflight) {
        for (RulesCondition condition : conditionArray) {
            if (condition.matches(company, user, preflight)) {
                return true;
            }
        }
        return false;
    }

    /** Never {@code null}. */
    @JsonProperty("conditions")
    public List<RulesCondition> conditions() {
        return conditions;
    }
}
