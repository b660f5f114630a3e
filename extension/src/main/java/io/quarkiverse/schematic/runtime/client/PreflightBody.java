package io.quarkiverse.schematic.runtime.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.schematic.Preflight;

/**
 * The {@code preflight} of a single-flag check: hypothetical {@code usage}, {@code event_usage} and
 * {@code credit_cost}, each only when given.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PreflightBody(
        Long usage,
        @JsonProperty("event_usage") EventUsage eventUsage,
        @JsonProperty("credit_cost") Map<String, Double> creditCost) {

    /** Hypothetical track events of one subtype. */
    public record EventUsage(@JsonProperty("event_subtype") String eventSubtype, long quantity) {
    }

    public static PreflightBody of(Preflight preflight) {
        Long usage = preflight.usage().isPresent() ? preflight.usage().getAsLong() : null;
        EventUsage events = preflight.eventSubtype() == null ? null
                : new EventUsage(preflight.eventSubtype(), preflight.eventQuantity().getAsLong());
        return new PreflightBody(usage, events, preflight.creditCosts());
    }
}
