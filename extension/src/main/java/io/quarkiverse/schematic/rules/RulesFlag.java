package io.quarkiverse.schematic.rules;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A flag with its rules, as DataStream sends it ({@code rulesengine.Flag}). Immutable; its rules are put in visit
 * order once, at construction, so that a check never sorts.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE, fieldVisibility = Visibility.NONE)
public final class RulesFlag extends WireEntity {

    private final String key;
    private final boolean defaultValue;
    private final List<RulesRule> rules;
    /** The rules a check visits, in visit order. */
    final RulesRule[] orderedRules;

    /**
     * Creates a flag from its wire fields (JSON names in brackets).
     *
     * @param id [id]
     * @param accountId [account_id]
     * @param environmentId [environment_id]
     * @param key [key] the key applications check
     * @param defaultValue [default_value] the value when no rule matches
     * @param rules [rules]
     */
    @JsonCreator
    public RulesFlag(@JsonProperty("id") String id, @JsonProperty("account_id") String accountId,
            @JsonProperty("environment_id") String environmentId, @JsonProperty("key") String key,
            @JsonProperty("default_value") boolean defaultValue, @JsonProperty("rules") List<RulesRule> rules) {
        super(id, accountId, environmentId);
        this.key = key == null ? "" : Interned.of(key); // see RulesCompany#entitlementFor
        this.defaultValue = defaultValue;
        this.rules = Lists.copy(rules);
        this.orderedRules = RuleOrder.sorted(this.rules);
    }

    @JsonProperty("key")
    public String key() {
        return key;
    }

    @JsonProperty("default_value")
    public boolean defaultValue() {
        return defaultValue;
    }

    /** In the order they were given; never {@code null}. */
    @JsonProperty("rules")
    public List<RulesRule> rules() {
        return rules;
    }
}
