package io.quarkiverse.schematic.rules;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One trait value of a company or user ({@code {"trait_definition", "value"}}). Values are text on the wire whatever
 * their comparable type. Immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE, fieldVisibility = Visibility.NONE)
public final class RulesTrait {

    private final RulesTraitDefinition traitDefinition;
    final TypedValue value;
    /** The definition's comparable type, copied so that a check reads one object less. */
    final ComparableType comparable;

    /**
     * @param traitDefinition the trait's definition; a trait without one is never found by a condition
     * @param value the value as text ({@code null} reads as the empty string)
     */
    @JsonCreator
    public RulesTrait(@JsonProperty("trait_definition") RulesTraitDefinition traitDefinition,
            @JsonProperty("value") String value) {
        this.traitDefinition = traitDefinition;
        this.value = TypedValue.of(value);
        this.comparable = traitDefinition == null ? ComparableType.UNKNOWN : traitDefinition.comparable;
    }

    @JsonProperty("trait_definition")
    public RulesTraitDefinition traitDefinition() {
        return traitDefinition;
    }

    @JsonProperty("value")
    public String value() {
        return value.text;
    }
}
