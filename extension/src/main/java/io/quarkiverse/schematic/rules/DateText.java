package io.quarkiverse.schematic.rules;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a trait value as a date, in the formats the reference engine accepts for {@code date} traits:
 * <ul>
 * <li>{@code 2024-01-15} (midnight UTC)</li>
 * <li>{@code 2024-01-15 13:52:16 UTC} (a zone abbreviation such as {@code PST} or {@code GMT+2} names the zone
 * but, as in Go on a server whose zone is UTC, does not move the time: the day and time are read as UTC)</li>
 * <li>RFC 3339: {@code 2024-01-15T21:59:40.162Z}, {@code 2024-01-15T21:59:40+01:00}</li>
 * <li>JavaScript's {@code Date.toString()} and its shorter forms: {@code Tue Jan 16 2024},
 * {@code Tue Jan 16 2024 12:44:18 GMT-0500 (EST)}, {@code ... GMT-0500}, {@code ... EST}; a long zone name in
 * parentheses such as {@code (Eastern Standard Time)} is read as its abbreviation for the six US zones the reference
 * engine knows.</li>
 * </ul>
 * Anything else is not a date ({@code null}), which the date comparisons treat as "no date".
 */
final class DateText {

    private static final String TIME = "(\\d{1,2}):(\\d{2}):(\\d{2})(?:[.,](\\d+))?";
    private static final String ABBREVIATION = "(UTC|GMT[+-]\\d{1,2}|GMT|[A-Z]{3}|[A-Z]{3}T|[A-Z]{4}T|ChST|MeST|WITA)";
    private static final String JS_DAY = "([A-Za-z]{3}) ([A-Za-z]{3}) (\\d{2}) (\\d{4})";

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DAY_TIME_ZONE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2}) " + TIME + " "
            + ABBREVIATION);
    private static final Pattern RFC_3339 = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T" + TIME
            + "(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern JS_DATE = Pattern.compile(JS_DAY);
    private static final Pattern JS_DATE_TIME = Pattern.compile(JS_DAY + " " + TIME
            + "(?: GMT([+-]\\d{4})(?: \\(" + ABBREVIATION + "\\))?| " + ABBREVIATION + ")");

    private static final String[] DAYS = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
    private static final String[] MONTHS = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec" };

    /** Long zone names that JavaScript prints and the reference engine reads as their abbreviation. */
    private static final Map<String, String> ZONE_NAMES = Map.of(
            "Alaska Standard Time", "AKST",
            "Central Standard Time", "CST",
            "Eastern Standard Time", "EST",
            "Hawaii Standard Time", "HST",
            "Mountain Standard Time", "MST",
            "Pacific Standard Time", "PST");

    private DateText() {
    }

    /** The instant {@code text} names, or {@code null} when it is not a date in one of the formats above. */
    static Instant parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Instant date = parseOnce(text);
        if (date != null) {
            return date;
        }
        String abbreviated = text;
        for (Map.Entry<String, String> zone : ZONE_NAMES.entrySet()) {
            abbreviated = abbreviated.replace(zone.getKey(), zone.getValue());
        }
        return abbreviated.equals(text) ? null : parseOnce(abbreviated);
    }

    private static Instant parseOnce(String text) {
        try {
            Matcher m = DAY.matcher(text);
            if (m.matches()) {
                return day(m.group(1), m.group(2), m.group(3)).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            m = DAY_TIME_ZONE.matcher(text);
            if (m.matches()) {
                return at(day(m.group(1), m.group(2), m.group(3)), m, 4, 0);
            }
            m = RFC_3339.matcher(text);
            if (m.matches()) {
                String zone = m.group(8);
                int offset = "Z".equals(zone) ? 0 : offsetSeconds(zone.charAt(0), zone.substring(1, 3), zone.substring(4));
                return at(day(m.group(1), m.group(2), m.group(3)), m, 4, offset);
            }
            m = JS_DATE.matcher(text);
            if (m.matches()) {
                return jsDay(m).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            m = JS_DATE_TIME.matcher(text);
            if (m.matches()) {
                String numeric = m.group(9);
                int offset = numeric == null ? 0
                        : offsetSeconds(numeric.charAt(0), numeric.substring(1, 3), numeric.substring(3));
                return at(jsDay(m), m, 5, offset);
            }
        } catch (DateTimeException outOfRange) {
            // a day, month or time out of range: not a date, as for Go
        }
        return null;
    }

    private static LocalDate day(String year, String month, String day) {
        return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    }

    /** The day of a JavaScript date; the weekday must be a weekday name but, as in Go, need not fit the date. */
    private static LocalDate jsDay(Matcher m) {
        if (indexOf(DAYS, m.group(1)) < 0) {
            throw new DateTimeException("not a weekday: " + m.group(1));
        }
        int month = indexOf(MONTHS, m.group(2)) + 1;
        if (month == 0) {
            throw new DateTimeException("not a month: " + m.group(2));
        }
        return LocalDate.of(Integer.parseInt(m.group(4)), month, Integer.parseInt(m.group(3)));
    }

    private static int indexOf(String[] names, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(lower)) {
                return i;
            }
        }
        return -1;
    }

    /** The time of day in groups {@code first..first+3} (hour, minute, second, fraction) at this offset. */
    private static Instant at(LocalDate day, Matcher m, int first, int offsetSeconds) {
        String fraction = m.group(first + 3);
        int nanos = 0;
        if (fraction != null) {
            String nine = (fraction + "000000000").substring(0, 9);
            nanos = Integer.parseInt(nine);
        }
        LocalDateTime local = day.atTime(Integer.parseInt(m.group(first)), Integer.parseInt(m.group(first + 1)),
                Integer.parseInt(m.group(first + 2)), nanos);
        return local.toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    private static int offsetSeconds(char sign, String hours, String minutes) {
        int seconds = Integer.parseInt(hours) * 3600 + Integer.parseInt(minutes) * 60;
        return sign == '-' ? -seconds : seconds;
    }

}
