package io.quarkiverse.schematic.runtime.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One event of a capture batch. The capture service wants the API key inside every event; the idempotency key lets
 * it drop an event that is delivered twice (after a retry, or when the caller repeats it with its own key).
 *
 * @param trustedClientClock {@code true} when Schematic should take {@code sent_at} as the event time; {@code null}
 *        (not sent) otherwise
 * @param backfill {@code true} for historical usage; {@code null} (not sent) otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CapturedEvent(
        @JsonProperty("api_key") String apiKey,
        String type,
        Object body,
        @JsonProperty("sent_at") String sentAt,
        @JsonProperty("idempotency_key") String idempotencyKey,
        @JsonProperty("trusted_client_clock") Boolean trustedClientClock,
        Boolean backfill) {

    /** Hides the API key: the record's generated toString would print it. */
    @Override
    public String toString() {
        return "CapturedEvent[type=" + type + ", sentAt=" + sentAt + ", idempotencyKey=" + idempotencyKey
                + (trustedClientClock == null ? "" : ", trustedClientClock=" + trustedClientClock)
                + (backfill == null ? "" : ", backfill=" + backfill) + "]";
    }
}
