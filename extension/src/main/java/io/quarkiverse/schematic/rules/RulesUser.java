package io.quarkiverse.schematic.rules;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user as DataStream sends it ({@code rulesengine.User}): keys, traits and the user's own rules. Immutable; traits
 * by definition and rules by flag are indexed at construction.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE, fieldVisibility = Visibility.NONE)
public final class RulesUser extends WireEntity {

    private final Map<String, String> keys;
    private final List<RulesTrait> traits;
    private final List<RulesRule> rules;

    final ReferenceTable<String, RulesTrait> traitIndex;
    private final Map<String, RulesRule[]> ruleIndex;

    /**
     * Creates a user from its wire fields (JSON names in brackets). {@code null} collections are empty.
     *
     * @param id [id]
     * @param accountId [account_id]
     * @param environmentId [environment_id]
     * @param keys [keys] the keys applications identify the user by, such as {@code {"email": "jane@acme.com"}}
     * @param traits [traits]
     * @param rules [rules] the user's own rules, each for the flag of its {@code flag_id}
     */
    @JsonCreator
    public RulesUser(@JsonProperty("id") String id, @JsonProperty("account_id") String accountId,
            @JsonProperty("environment_id") String environmentId, @JsonProperty("keys") Map<String, String> keys,
            @JsonProperty("traits") List<RulesTrait> traits, @JsonProperty("rules") List<RulesRule> rules) {
        super(id, accountId, environmentId);
        this.keys = Lists.copy(keys);
        this.traits = Lists.copy(traits);
        this.rules = Lists.copy(rules);
        this.traitIndex = EntityIndex.traitsByDefinition(this.traits);
        this.ruleIndex = EntityIndex.rulesByFlag(this.rules);
    }

    /** The user's own rules for this flag, in visit order. */
    RulesRule[] rulesFor(String flagId) {
        return EntityIndex.rulesFor(ruleIndex, flagId);
    }

    /** Never {@code null}. */
    @JsonProperty("keys")
    public Map<String, String> keys() {
        return keys;
    }

    /** Never {@code null}. */
    @JsonProperty("traits")
    public List<RulesTrait> traits() {
        return traits;
    }

    /** Never {@code null}. */
    @JsonProperty("rules")
    public List<RulesRule> rules() {
        return rules;
    }
}
