package io.quarkiverse.schematic.runtime.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of a {@code flag_check} event ({@code EventBodyFlagCheck}): what a locally evaluated check answered, so that
 * Schematic sees the check as if it had evaluated it itself.
 *
 * @param flagKey the flag that was checked
 * @param value the answer
 * @param reason why
 * @param flagId the flag's Schematic id
 * @param ruleId the deciding rule, if any
 * @param companyId the matched company's id, if any
 * @param userId the matched user's id, if any
 * @param reqCompany the company keys of the check, {@code null} when none
 * @param reqUser the user keys of the check, {@code null} when none
 * @param error what went wrong, if anything
 * @param preflight {@code true} for a preflight check (which asks whether an action would be allowed rather than
 *        reporting one), {@code null} (absent on the wire) for a plain check
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlagCheckBody(
        @JsonProperty("flag_key") String flagKey,
        boolean value,
        String reason,
        @JsonProperty("flag_id") String flagId,
        @JsonProperty("rule_id") String ruleId,
        @JsonProperty("company_id") String companyId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("req_company") Map<String, String> reqCompany,
        @JsonProperty("req_user") Map<String, String> reqUser,
        String error,
        Boolean preflight) {

    /** The event type this body travels under. */
    public static final String TYPE = "flag_check";
}
