package io.quarkiverse.schematic.rules;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What identifies a company metric: event subtype, period and month reset, as wire text. A metric condition builds
 * its key once, so that finding the company's metric is one hash lookup without allocation. Keys are canonical (one
 * instance per subtype, period and reset, as there are few), so that {@link ReferenceTable} finds them by reference.
 */
final class MetricKey {

    private static final ConcurrentMap<MetricKey, MetricKey> CANONICAL = new ConcurrentHashMap<>();

    /** The period a metric condition or entitlement without one counts over. */
    static final String DEFAULT_PERIOD = "all_time";
    /** The month reset a metric condition or entitlement without one uses. */
    static final String DEFAULT_MONTH_RESET = "first_of_month";

    private final String eventSubtype;
    private final String period;
    private final String monthReset;
    private final int hash;

    private MetricKey(String eventSubtype, String period, String monthReset) {
        // shared instances (subtypes, periods and resets are few), so that a lookup compares references
        this.eventSubtype = eventSubtype.intern();
        this.period = period.intern();
        this.monthReset = monthReset.intern();
        this.hash = (eventSubtype.hashCode() * 31 + period.hashCode()) * 31 + monthReset.hashCode();
    }

    /** The canonical key of these parts. */
    static MetricKey of(String eventSubtype, String period, String monthReset) {
        MetricKey key = new MetricKey(eventSubtype, period, monthReset);
        MetricKey canonical = CANONICAL.putIfAbsent(key, key);
        return canonical == null ? key : canonical;
    }

    /** The key a condition or entitlement looks for: an absent period is all-time, an absent reset the 1st. */
    static MetricKey lookingFor(String eventSubtype, String period, String monthReset) {
        return of(eventSubtype, period == null ? DEFAULT_PERIOD : period,
                monthReset == null ? DEFAULT_MONTH_RESET : monthReset);
    }

    @Override
    public boolean equals(Object other) {
        // the parts are interned: equal parts are the same instances
        return other instanceof MetricKey that && hash == that.hash && eventSubtype == that.eventSubtype
                && period == that.period && monthReset == that.monthReset;
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
