package io.quarkiverse.schematic.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link WireTime#parse} reads the forms Schematic sends with its own parser and everything else with
 * {@code java.time}: both must give what {@code java.time}'s ISO parsers give, value and offset alike.
 */
class WireTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // the forms Go writes
            "2025-01-31T12:00:00Z", "2025-02-05T12:00:00.5Z", "2025-02-05T12:00:00.123Z",
            "2025-02-05T12:00:00.123456789Z", "2024-02-29T23:59:59.000000001Z", "2025-01-31T12:00:00+02:00",
            "2025-01-31T12:00:00-05:30", "2025-01-31T12:00:00.25+00:00", "2025-01-31T12:00:00-00:00",
            "0001-01-01T00:00:00Z", "2025-01-31T12:00:00", "2025-01-31T12:00:00.75",
            // other forms java.time accepts: the general path
            "2025-01-31t12:00:00z", "2025-01-31T12:00Z", "2025-01-31T12:00", "2025-01-31T12:00:00+02:00:30",
            "2025-01-31T12:00:00.Z", "+12025-01-31T12:00:00Z", "2025-01-31T12:00:00+18:00" })
    void readsWhatJavaTimeReads(String text) {
        assertEquals(javaTime(text), WireTime.parse("metric_reset_at", text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2025-13-01T00:00:00Z", "2025-02-30T00:00:00Z", "2025-01-31T24:00:00Z",
            "2025-01-31T12:60:00Z", "2025-01-31T12:00:60Z", "2025-01-31T12:00:00+0200", "2025-01-31T12:00:00.1234567890Z",
            "2025-01-31T12:00:00+19:00", "2025-01-31T12:00:00+02:60", "2025-01-31T12:00:00X", "2025-01-31 12:00:00Z",
            "2025-1-31T12:00:00Z", "2025-01-31T12:00:00Z ", "yesterday", "2025-0a-31T12:00:00Z",
            "2025-01-31T12:00:00+0a:00" })
    void rejectsWhatJavaTimeRejects(String text) {
        assertThrows(DateTimeParseException.class, () -> javaTime(text));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WireTime.parse("metric_reset_at", text));
        assertEquals("metric_reset_at must be an RFC 3339 timestamp, was '" + text + "'", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  " })
    void blankIsNoTimestamp(String text) {
        assertNull(WireTime.parse("metric_reset_at", text));
        assertNull(WireTime.parse("metric_reset_at", null));
    }

    /** What {@link WireTime#parse} did before it had its own parser. */
    private static OffsetDateTime javaTime(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
        }
    }
}
