package io.quarkiverse.schematic.runtime.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One evaluated flag, as returned by the check endpoints.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FlagCheckData(
        String flag,
        Boolean value,
        String reason,
        @JsonProperty("flag_id") String flagId,
        @JsonProperty("company_id") String companyId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("rule_id") String ruleId,
        String error) {
}
