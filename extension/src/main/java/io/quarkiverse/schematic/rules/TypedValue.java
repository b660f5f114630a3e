package io.quarkiverse.schematic.rules;

import java.time.Instant;

/**
 * A trait value or a condition's {@code trait_value} with its int, bool and date readings worked out once, so that
 * a check compares without parsing. The int and bool readings are cheap and taken at construction; the date reading
 * is taken the first time a date comparison needs it.
 */
final class TypedValue {

    /** The value of a trait the entity does not have: the reference engine compares the empty string. */
    static final TypedValue EMPTY = new TypedValue("");

    /** Marks a text that is not a date, so that it is parsed once only. */
    private static final Object NOT_A_DATE = new Object();

    final String text;
    final long asInt;
    final boolean asBool;

    /** {@code null} until read; then an {@link Instant} or {@link #NOT_A_DATE} (benign race: both threads agree). */
    private Object date;

    TypedValue(String text) {
        this.text = text == null ? "" : text;
        this.asInt = parseInt(this.text);
        this.asBool = "true".equals(this.text);
    }

    static TypedValue of(String text) {
        return text == null || text.isEmpty() ? EMPTY : new TypedValue(text);
    }

    /** The date reading, or {@code null} when the text is not a date in one of the formats of {@link DateText}. */
    Instant asDate() {
        Object value = date;
        if (value == null) {
            Instant parsed = DateText.parse(text);
            value = parsed == null ? NOT_A_DATE : parsed;
            date = value;
        }
        return value == NOT_A_DATE ? null : (Instant) value;
    }

    /**
     * The text as a base-10 int64 the way Go's {@code strconv.ParseInt(v, 10, 64)} reads it, with the reference
     * engine ignoring the error: an optional sign and digits only; anything else is 0; a number out of range is
     * clamped to the int64 range.
     */
    static long parseInt(String text) {
        int length = text.length();
        int start = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            negative = text.charAt(0) == '-';
            start = 1;
        }
        if (start == length) {
            return 0;
        }
        long value = 0; // accumulated negatively: the negative range is one larger
        boolean overflow = false;
        for (int i = start; i < length; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return 0;
            }
            if (!overflow) {
                if (value < (Long.MIN_VALUE + digit) / 10) {
                    overflow = true;
                } else {
                    value = value * 10 - digit;
                }
            }
        }
        if (overflow) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (negative) {
            return value;
        }
        return value == Long.MIN_VALUE ? Long.MAX_VALUE : -value;
    }
}
