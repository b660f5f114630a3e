package io.quarkiverse.schematic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How trait text reads as a date, an int and a bool: the reference engine's {@code typeconvert} cases, restated,
 * and every format it accepts.
 */
class TypedValueTest {

    @Test
    void emptyTextIsNoDate() {
        assertThat(DateText.parse("")).isNull();
        assertThat(DateText.parse(null)).isNull();
    }

    @Test
    void anIsoTimestampWithMilliseconds() {
        assertThat(DateText.parse("2024-01-15T21:59:40.162Z")).isEqualTo(Instant.parse("2024-01-15T21:59:40.162Z"));
    }

    @Test
    void aPlainDayIsMidnightUtc() {
        assertThat(DateText.parse("2024-01-15")).isEqualTo(Instant.parse("2024-01-15T00:00:00Z"));
    }

    /** JavaScript's Date.toString() with a long zone name the reference knows: the numeric offset counts. */
    @Test
    void javaScriptsDateToString() {
        assertThat(DateText.parse("Tue Jan 16 2024 12:44:18 GMT-0500 (Eastern Standard Time)"))
                .isEqualTo(Instant.parse("2024-01-16T17:44:18Z"));
        assertThat(DateText.parse("Tue Jul 16 2024 12:44:18 GMT-0400 (Eastern Daylight Time)")).isNull();
    }

    @Test
    void aDayAndTimeWithAZoneAbbreviation() {
        assertThat(DateText.parse("2023-09-18 13:52:16 UTC")).isEqualTo(Instant.parse("2023-09-18T13:52:16Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2024-01-15T21:59:40Z                              | 2024-01-15T21:59:40Z",
            "2024-01-15T21:59:40+02:00                         | 2024-01-15T19:59:40Z",
            "2024-01-15T21:59:40.123456789-01:30               | 2024-01-15T23:29:40.123456789Z",
            "2024-01-15T1:59:40Z                               | 2024-01-15T01:59:40Z",
            "2023-09-18 13:52:16 PST                           | 2023-09-18T13:52:16Z",
            "2023-09-18 13:52:16 GMT+2                         | 2023-09-18T13:52:16Z",
            "2023-09-18 13:52:16.5 UTC                         | 2023-09-18T13:52:16.5Z",
            "Tue Jan 16 2024                                   | 2024-01-16T00:00:00Z",
            "wed JAN 16 2024                                   | 2024-01-16T00:00:00Z",
            "Tue Jan 16 2024 12:44:18 EST                      | 2024-01-16T12:44:18Z",
            "Tue Jan 16 2024 12:44:18 GMT+0100                 | 2024-01-16T11:44:18Z",
            "Tue Jan 16 2024 12:44:18 GMT-0800 (PST)           | 2024-01-16T20:44:18Z",
            "Tue Jan 16 2024 12:44:18 GMT-0800 (Pacific Standard Time) | 2024-01-16T20:44:18Z",
            "Tue Jan 16 2024 12:44:18 GMT-1000 (Hawaii Standard Time)  | 2024-01-16T22:44:18Z" })
    void acceptedFormats(String text, String expected) {
        assertThat(DateText.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({ "2024-1-15", "2024-02-30", "2024-13-01", "2024-01-15T25:00:00Z", "2024-01-15T10:00:00",
            "'Xyz Jan 16 2024'", "'Tue Foo 16 2024'", "'Tue Jan 16 2024 12:44:18 Eastern'", "yesterday", "1705363200",
            "'2023-09-18 13:52:16 Ab'" })
    void otherTextIsNoDate(String text) {
        assertThat(DateText.parse(text)).isNull();
    }

    @Test
    void theDateReadingIsTakenOnceAndKept() {
        TypedValue value = new TypedValue("2024-01-15");

        assertThat(value.asDate()).isSameAs(value.asDate()).isEqualTo(Instant.parse("2024-01-15T00:00:00Z"));
        assertThat(new TypedValue("nope").asDate()).isNull();
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({ "0, 0", "42, 42", "-42, -42", "+42, 42", "007, 7", "'', 0", "-, 0", "+, 0", "4 2, 0", "4.2, 0",
            "0x10, 0", "1e3, 0", "9223372036854775807, 9223372036854775807",
            "9223372036854775808, 9223372036854775807", "-9223372036854775808, -9223372036854775808",
            "-9223372036854775809, -9223372036854775808", "123456789012345678901234567890, 9223372036854775807" })
    void intReading(String text, long expected) {
        assertThat(TypedValue.parseInt(text)).isEqualTo(expected);
        assertThat(new TypedValue(text).asInt).isEqualTo(expected);
    }

    @Test
    void onlyTrueIsTrue() {
        assertThat(new TypedValue("true").asBool).isTrue();
        assertThat(new TypedValue("True").asBool).isFalse();
        assertThat(new TypedValue("1").asBool).isFalse();
        assertThat(TypedValue.EMPTY.asBool).isFalse();
    }
}
