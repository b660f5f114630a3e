package io.quarkiverse.schematic.runtime.client;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The part of {@code IssueTemporaryAccessTokenResponseData} that the extension exposes. {@link #toString()} leaves
 * the token out: it is a credential, even if a short-lived one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessTokenData(
        String id,
        String token,
        @JsonProperty("expired_at") OffsetDateTime expiredAt,
        @JsonProperty("created_at") OffsetDateTime createdAt) {

    @Override
    public String toString() {
        return "AccessTokenData[id=" + id + ", expiredAt=" + expiredAt + ", createdAt=" + createdAt + "]";
    }
}
