package io.quarkiverse.schematic.runtime.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One event of a capture batch. The capture service wants the API key inside every event; the idempotency key lets
 * it drop a batch that is delivered twice after a retry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CapturedEvent(
        @JsonProperty("api_key") String apiKey,
        String type,
        Object body,
        @JsonProperty("sent_at") String sentAt,
        @JsonProperty("idempotency_key") String idempotencyKey) {

    /** Hides the API key: the record's generated toString would print it. */
    @Override
    public String toString() {
        return "CapturedEvent[type=" + type + ", sentAt=" + sentAt + ", idempotencyKey=" + idempotencyKey + "]";
    }
}
