package io.quarkiverse.schematic.rules;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The timestamps of DataStream entities: RFC 3339 text as Go writes it ({@code 2025-01-31T12:00:00Z}, with or without
 * fractional seconds, any offset). Entities keep the text they were given, so that they serialize back unchanged, and
 * the parsed value for evaluation.
 */
final class WireTime {

    /**
     * Go's zero {@code time.Time}: what the reference engine computes with when a non-optional timestamp is missing.
     */
    static final OffsetDateTime GO_ZERO = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private WireTime() {
    }

    /**
     * The timestamp of {@code text}, keeping its offset; {@code null} for {@code null} or blank text. A date-time
     * without an offset is taken as UTC.
     *
     * @throws IllegalArgumentException naming {@code field} when the text is not a timestamp
     */
    static OffsetDateTime parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " must be an RFC 3339 timestamp, was '" + text + "'", e);
            }
        }
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
