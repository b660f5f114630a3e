package io.quarkiverse.schematic.rules;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A company's billing subscription period ({@code {"id", "period_start", "period_end"}}): monthly usage with a
 * {@code billing_cycle} reset restarts on the day and time of {@code period_start}. Immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE, fieldVisibility = Visibility.NONE)
public final class RulesSubscription {

    private final String id;
    private final String periodStartText;
    private final String periodEndText;
    /** With the offset it was sent in: the reset day and hour are read in that offset, as Go does. */
    final OffsetDateTime periodStart;
    final OffsetDateTime periodEnd;

    /**
     * @param id [id]
     * @param periodStart [period_start] RFC 3339 timestamp
     * @param periodEnd [period_end] RFC 3339 timestamp
     * @throws IllegalArgumentException when a timestamp is not RFC 3339
     */
    @JsonCreator
    public RulesSubscription(@JsonProperty("id") String id, @JsonProperty("period_start") String periodStart,
            @JsonProperty("period_end") String periodEnd) {
        this.id = id == null ? "" : id;
        this.periodStartText = periodStart;
        this.periodEndText = periodEnd;
        this.periodStart = WireTime.parse("period_start", periodStart);
        this.periodEnd = WireTime.parse("period_end", periodEnd);
    }

    @JsonProperty("id")
    public String id() {
        return id;
    }

    /** When the current billing period started; {@code null} when not sent. */
    public Instant periodStart() {
        return WireTime.instant(periodStart);
    }

    /** When the current billing period ends; {@code null} when not sent. */
    public Instant periodEnd() {
        return WireTime.instant(periodEnd);
    }

    @JsonProperty("period_start")
    private String periodStartText() {
        return periodStartText;
    }

    @JsonProperty("period_end")
    private String periodEndText() {
        return periodEndText;
    }
}
