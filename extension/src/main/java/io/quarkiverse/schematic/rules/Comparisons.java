package io.quarkiverse.schematic.rules;

import java.time.Instant;

/**
 * The typed comparisons of trait and metric conditions, operator by operator as the reference engine defines them.
 * An unknown operator or comparable type never matches.
 */
final class Comparisons {

    private Comparisons() {
    }

    /** {@code left <operator> right} read as {@code type}; int values may carry a preflight usage already. */
    static boolean compare(TypedValue left, long leftInt, TypedValue right, ComparableType type, Operator operator) {
        return switch (type) {
            case STRING -> strings(left.text, right.text, operator);
            case INT -> ints(leftInt, right.asInt, operator);
            case BOOL -> bools(left.asBool, right.asBool, operator);
            case DATE -> dates(left.asDate(), right.asDate(), operator);
            case UNKNOWN -> false;
        };
    }

    /** Plain lexical order (by code point, as Go compares UTF-8 bytes); empty means the empty string. */
    static boolean strings(String a, String b, Operator operator) {
        return switch (operator) {
            case EQ -> a.equals(b);
            case NE -> !a.equals(b);
            case GT -> codePointOrder(a, b) > 0;
            case LT -> codePointOrder(a, b) < 0;
            case GTE -> codePointOrder(a, b) >= 0;
            case LTE -> codePointOrder(a, b) <= 0;
            case IS_EMPTY -> a.isEmpty();
            case NOT_EMPTY -> !a.isEmpty();
            case UNKNOWN -> false;
        };
    }

    /** Numeric order; "empty" is zero and "not empty" is above zero. */
    static boolean ints(long a, long b, Operator operator) {
        return switch (operator) {
            case EQ -> a == b;
            case NE -> a != b;
            case GT -> a > b;
            case LT -> a < b;
            case GTE -> a >= b;
            case LTE -> a <= b;
            case IS_EMPTY -> a == 0;
            case NOT_EMPTY -> a > 0;
            case UNKNOWN -> false;
        };
    }

    /** Equality only; a boolean is never "empty" and always "not empty"; ordering operators never match. */
    static boolean bools(boolean a, boolean b, Operator operator) {
        return switch (operator) {
            case EQ -> a == b;
            case NE -> a != b;
            case IS_EMPTY -> false;
            case NOT_EMPTY -> true;
            default -> false;
        };
    }

    /**
     * Time order where "no date" ({@code null}) equals only "no date", is before every date for {@code lt}, and is
     * never greater than anything.
     */
    static boolean dates(Instant a, Instant b, Operator operator) {
        return switch (operator) {
            case EQ -> sameDate(a, b);
            case NE -> !sameDate(a, b);
            case GT -> a != null && (b == null || a.isAfter(b));
            case LT -> b != null && (a == null || a.isBefore(b));
            case GTE -> sameDate(a, b) || dates(a, b, Operator.GT);
            case LTE -> sameDate(a, b) || dates(a, b, Operator.LT);
            case IS_EMPTY -> a == null;
            case NOT_EMPTY -> a != null;
            case UNKNOWN -> false;
        };
    }

    private static boolean sameDate(Instant a, Instant b) {
        return a == null ? b == null : a.equals(b);
    }

    /** Compares by Unicode code point (UTF-16 order differs for characters above U+FFFF). */
    private static int codePointOrder(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
