package io.quarkiverse.schematic.runtime.client;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses the {@code Retry-After} header: delay-seconds or an HTTP date (RFC 1123).
 */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The delay the header asks for, or {@code null} when absent, malformed or not in the future. */
    static Duration parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds > 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration delay = Duration.between(clock.instant(), at.toInstant());
                return delay.isNegative() || delay.isZero() ? null : delay;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
