package io.quarkiverse.schematic.rules;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How much of a metered event a company used in a period: one entry of a company's {@code metrics}. A metric
 * condition reads the metric with its event subtype, period and month reset. Immutable: {@link #plus(long)} returns
 * a new metric.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE, fieldVisibility = Visibility.NONE)
public final class RulesCompanyMetric {

    private final String accountId;
    private final String environmentId;
    private final String companyId;
    private final String eventSubtype;
    private final String period;
    private final String monthReset;
    private final long value;
    private final String createdAtText;
    private final String validUntilText;
    private final OffsetDateTime createdAt;
    private final OffsetDateTime validUntil;
    /** Exactly as sent: a metric without a month reset is not found by a condition, which assumes the 1st. */
    final MetricKey key;

    /**
     * Creates a metric from its wire fields (JSON names in brackets).
     *
     * @param accountId [account_id]
     * @param environmentId [environment_id]
     * @param companyId [company_id]
     * @param eventSubtype [event_subtype] the metered event
     * @param period [period] {@code all_time}, {@code current_day}, {@code current_week} or {@code current_month}
     * @param monthReset [month_reset] {@code first_of_month} or {@code billing_cycle}
     * @param value [value] the usage
     * @param createdAt [created_at] RFC 3339 timestamp
     * @param validUntil [valid_until] RFC 3339 timestamp
     * @throws IllegalArgumentException when a timestamp is not RFC 3339
     */
    @JsonCreator
    public RulesCompanyMetric(@JsonProperty("account_id") String accountId,
            @JsonProperty("environment_id") String environmentId, @JsonProperty("company_id") String companyId,
            @JsonProperty("event_subtype") String eventSubtype, @JsonProperty("period") String period,
            @JsonProperty("month_reset") String monthReset, @JsonProperty("value") long value,
            @JsonProperty("created_at") String createdAt, @JsonProperty("valid_until") String validUntil) {
        this.accountId = accountId == null ? "" : accountId;
        this.environmentId = environmentId == null ? "" : environmentId;
        this.companyId = companyId == null ? "" : companyId;
        this.eventSubtype = eventSubtype == null ? "" : eventSubtype;
        this.period = period == null ? "" : period;
        this.monthReset = monthReset == null ? "" : monthReset;
        this.value = value;
        this.createdAtText = createdAt;
        this.validUntilText = validUntil;
        this.createdAt = WireTime.parse("created_at", createdAt);
        this.validUntil = WireTime.parse("valid_until", validUntil);
        this.key = MetricKey.of(this.eventSubtype, this.period, this.monthReset);
    }

    /** This metric with {@code quantity} more usage. */
    public RulesCompanyMetric plus(long quantity) {
        return new RulesCompanyMetric(accountId, environmentId, companyId, eventSubtype, period, monthReset,
                value + quantity, createdAtText, validUntilText);
    }

    @JsonProperty("account_id")
    public String accountId() {
        return accountId;
    }

    @JsonProperty("environment_id")
    public String environmentId() {
        return environmentId;
    }

    @JsonProperty("company_id")
    public String companyId() {
        return companyId;
    }

    @JsonProperty("event_subtype")
    public String eventSubtype() {
        return eventSubtype;
    }

    @JsonProperty("period")
    public String period() {
        return period;
    }

    @JsonProperty("month_reset")
    public String monthReset() {
        return monthReset;
    }

    @JsonProperty("value")
    public long value() {
        return value;
    }

    /** {@code null} when not sent. */
    public Instant createdAt() {
        return WireTime.instant(createdAt);
    }

    /** {@code null} when not sent. */
    public Instant validUntil() {
        return WireTime.instant(validUntil);
    }

    @JsonProperty("created_at")
    private String createdAtText() {
        return createdAtText;
    }

    @JsonProperty("valid_until")
    private String validUntilText() {
        return validUntilText;
    }
}
