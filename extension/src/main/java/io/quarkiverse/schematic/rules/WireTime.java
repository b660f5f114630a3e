package io.quarkiverse.schematic.rules;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The timestamps of DataStream entities: RFC 3339 text as Go writes it ({@code 2025-01-31T12:00:00Z}, with or without
 * fractional seconds, any offset). Entities keep the text they were given, so that they serialize back unchanged, and
 * the parsed value for evaluation. Public for the extension's REST answers, whose timestamps have the same form.
 */
public final class WireTime {

    /**
     * Go's zero {@code time.Time}: what the reference engine computes with when a non-optional timestamp is missing.
     */
    static final OffsetDateTime GO_ZERO = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /** Nanoseconds per unit of a fraction with as many digits as the index (1 to 9). */
    private static final int[] NANOS_PER_FRACTION_UNIT = { 0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000,
            100, 10, 1 };

    private WireTime() {
    }

    /**
     * The timestamp of {@code text}, keeping its offset; {@code null} for {@code null} or blank text. A date-time
     * without an offset is taken as UTC.
     *
     * @throws IllegalArgumentException naming {@code field} when the text is not a timestamp
     */
    public static OffsetDateTime parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        OffsetDateTime common = parseCommonForm(text);
        if (common != null) {
            return common;
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

    /**
     * The forms Schematic sends ({@code 2025-01-31T12:00:00Z}, optionally with 1 to 9 fractional digits, a
     * {@code ±hh:mm} offset or no offset), read without {@code java.time}'s general-purpose parser, which took about 8 %
     * of the event loop's CPU per uncached check for an entitlement's {@code metric_reset_at} (issue #10).
     *
     * @return the timestamp, or {@code null} when the text has any other form or is not a valid date-time; then
     *         {@link #parse} takes the general path, which decides (and words the error) as before
     */
    private static OffsetDateTime parseCommonForm(String text) {
        int length = text.length();
        if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int position = 19;
        int nanos = 0;
        if (position < length && text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && Character.isDigit(text.charAt(position))) {
                position++;
            }
            int count = position - start;
            int fraction = count == 0 || count > 9 ? -1 : digits(text, start, position);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * NANOS_PER_FRACTION_UNIT[count];
        }
        ZoneOffset offset = offset(text, position);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The offset from {@code position} to the end: none (UTC), {@code Z} or {@code ±hh:mm}; {@code null} otherwise. */
    private static ZoneOffset offset(String text, int position) {
        int rest = text.length() - position;
        if (rest == 0 || rest == 1 && text.charAt(position) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = text.charAt(position);
        if (rest != 6 || sign != '+' && sign != '-' || text.charAt(position + 3) != ':') {
            return null;
        }
        int hours = digits(text, position + 1, position + 3);
        int minutes = digits(text, position + 4, position + 6);
        if ((hours | minutes) < 0) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The ASCII digits from {@code start} to {@code end} (at most 9) as a number; -1 if any is not a digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
