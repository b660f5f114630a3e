package io.quarkiverse.schematic.rules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * When the usage of a metric condition starts from zero again: the {@code feature_usage_reset_at} of an answer. All
 * in UTC. Calendar periods reset at the next midnight, the next Sunday midnight or the 1st of next month; a monthly
 * period with a {@code billing_cycle} reset restarts every month on the day and time of the subscription's period
 * start, but never after the period's end.
 * <p>
 * Dates are computed as Go's {@code time.Date} does, which the reference engine relies on: a day past the end of the
 * month rolls into the next month (a subscription started on the 31st resets on March 3rd after February 28th), where
 * {@code java.time} would clamp to the last day.
 */
final class MetricPeriods {

    static final String CURRENT_DAY = "current_day";
    static final String CURRENT_WEEK = "current_week";
    static final String CURRENT_MONTH = "current_month";
    static final String BILLING_CYCLE = "billing_cycle";

    private MetricPeriods() {
    }

    /**
     * When the usage counted by this metric condition resets; {@code null} for a condition without a period, an
     * all-time period or a period this version does not know.
     */
    static Instant nextReset(RulesCondition condition, RulesCompany company, Instant now) {
        String period = condition.metricPeriod();
        if (period == null) {
            return null;
        }
        if (CURRENT_MONTH.equals(period) && BILLING_CYCLE.equals(condition.metricPeriodMonthReset())) {
            return nextBillingReset(company == null ? null : company.subscription(), now);
        }
        return nextCalendarReset(period, now);
    }

    /** The next start of a calendar period; {@code null} for any other period. */
    static Instant nextCalendarReset(String period, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate next = switch (period) {
            case CURRENT_DAY -> today.plusDays(1);
            case CURRENT_WEEK -> today.plusDays(daysUntilNextSunday(today.getDayOfWeek()));
            case CURRENT_MONTH -> today.withDayOfMonth(1).plusMonths(1);
            default -> null;
        };
        return next == null ? null : next.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** 1 to 7: on a Sunday the next Sunday is a week away. */
    private static int daysUntilNextSunday(DayOfWeek day) {
        int days = DayOfWeek.SUNDAY.getValue() - day.getValue();
        return days == 0 ? 7 : days;
    }

    /**
     * The next monthly reset of a billing cycle: the first of next month without a subscription; the period start
     * (or the 1st of next month, whichever is first) when the period has not started yet; otherwise this month's or
     * next month's day and time of the period start, capped at the period end.
     */
    static Instant nextBillingReset(RulesSubscription subscription, Instant now) {
        Instant startOfNextMonth = nextCalendarReset(CURRENT_MONTH, now);
        if (subscription == null) {
            return startOfNextMonth;
        }
        // a missing timestamp is Go's zero time, which is what the reference engine computes with
        OffsetDateTime start = subscription.periodStart == null ? WireTime.GO_ZERO : subscription.periodStart;
        OffsetDateTime end = subscription.periodEnd == null ? WireTime.GO_ZERO : subscription.periodEnd;
        if (start.toInstant().isAfter(now)) {
            return start.toInstant().isAfter(startOfNextMonth) ? startOfNextMonth : start.toInstant();
        }
        LocalDateTime today = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        LocalDateTime reset = goDate(today.getYear(), today.getMonthValue(), start.getDayOfMonth(),
                start.toLocalTime());
        if (!reset.toInstant(ZoneOffset.UTC).isAfter(now)) {
            reset = goDate(reset.getYear(), reset.getMonthValue() + 1, reset.getDayOfMonth(), reset.toLocalTime());
        }
        Instant next = reset.toInstant(ZoneOffset.UTC);
        return next.isAfter(end.toInstant()) ? end.toInstant() : next;
    }

    /** Go's {@code time.Date}: a month or day out of range carries into the next month or year. */
    static LocalDateTime goDate(int year, int month, int day, LocalTime time) {
        return LocalDate.of(year, 1, 1).plusMonths(month - 1L).plusDays(day - 1L).atTime(time);
    }
}
