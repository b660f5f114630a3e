package io.quarkiverse.schematic.runtime.client;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Payload of {@code POST /flags/check} (and one element of {@code POST /flags/check-bulk}): every flag evaluated for
 * one company/user, with the company's plan and credit balances.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FlagsCheckData(
        List<FlagCheckData> flags,
        PlanData plan,
        @JsonProperty("credit_balances") Map<String, CreditBalanceData> creditBalances) {

    public FlagsCheckData(List<FlagCheckData> flags) {
        this(flags, null, null);
    }

    /** The {@code DatastreamCompanyPlan} of the answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlanData(
            String id,
            String name,
            @JsonProperty("trial_end_date") String trialEndDate,
            @JsonProperty("trial_status") String trialStatus) {
    }

    /** The {@code CompanyCreditBalance} of one credit. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreditBalanceData(Double remaining, Double reserved, Double settled) {
    }
}
