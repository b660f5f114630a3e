package io.quarkiverse.schematic.deployment.devservices;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkiverse.schematic.EntitlementValueType;
import io.quarkiverse.schematic.MonthReset;
import io.quarkiverse.schematic.rules.RulesEntitlement;

/**
 * The usage of the metered features of the dev service, per company, in memory. Track events with a feature's event
 * name raise the usage of their company in the period they happened in; each company's entitlements carry its current
 * usage ({@link #entitlements}), from which {@link DevRulesEntities} builds the rules that decide checks, over REST and
 * locally alike. Companies are matched as Schematic matches keys: a check or event that shares any key/value pair with
 * a company is that company.
 */
final class DevMeter {

    static final String FEATURE_ID_PREFIX = "feat_dev_";

    private final Map<String, DevFeatureSettings> features;
    private final Clock clock;
    /** Per feature, the companies that used it. */
    private final Map<String, List<CompanyUsage>> usage = new LinkedHashMap<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    DevMeter(Map<String, DevFeatureSettings> features, Clock clock) {
        this.features = features;
        this.clock = clock;
    }

    Set<String> features() {
        return features.keySet();
    }

    /** Each metered feature with the entitlement of the company with these keys (its usage now). */
    synchronized Map<DevFeatureSettings, RulesEntitlement> entitlements(Map<String, String> company) {
        Instant now = clock.instant();
        Map<DevFeatureSettings, RulesEntitlement> entitlements = new LinkedHashMap<>();
        for (DevFeatureSettings feature : features.values()) {
            entitlements.put(feature, entitlementOf(feature, company, now));
        }
        return entitlements;
    }

    /** Tells {@code listener} every time usage changes (an event counted, a reset), after the change. */
    void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    private RulesEntitlement entitlementOf(DevFeatureSettings feature, Map<String, String> company, Instant now) {
        CompanyUsage counted = find(feature.flag(), company);
        long used = counted == null ? 0 : counted.current(feature.period(), now);
        return entitlement(feature, feature.allocationFor(company), used, now);
    }

    private static RulesEntitlement entitlement(DevFeatureSettings feature, Long allocation, long used, Instant now) {
        Instant resetAt = nextReset(feature.period(), now);
        boolean monthly = feature.period() == SchematicDevServicesConfig.Period.CURRENT_MONTH;
        EntitlementValueType type = allocation == null ? EntitlementValueType.UNLIMITED : EntitlementValueType.NUMERIC;
        return new RulesEntitlement(FEATURE_ID_PREFIX + feature.flag(), feature.flag(), type.wireName(), allocation,
                used, feature.softLimit(), feature.eventName(), null, feature.period().metricPeriod().wireName(),
                monthly ? MonthReset.FIRST_OF_MONTH.wireName() : null, resetAt == null ? null : resetAt.toString(), null,
                null, null, null, null, null, null, null);
    }

    /**
     * Counts a track event: {@code quantity} (1 when {@code null}) more usage for its company of every feature metered
     * by {@code event}, when {@code eventTime} falls in the feature's current period.
     */
    void tracked(String event, Map<String, String> company, Long quantity, Instant eventTime) {
        if (count(event, company, quantity, eventTime)) {
            changeListeners.forEach(Runnable::run);
        }
    }

    /** Whether the event counted for a feature. */
    private synchronized boolean count(String event, Map<String, String> company, Long quantity, Instant eventTime) {
        if (company.isEmpty()) {
            return false;
        }
        boolean wasCounted = false;
        Instant now = clock.instant();
        for (DevFeatureSettings feature : features.values()) {
            if (!feature.eventName().equals(event) || eventTime.isBefore(periodStart(feature.period(), now))) {
                continue;
            }
            CompanyUsage counted = find(feature.flag(), company);
            if (counted == null) {
                counted = new CompanyUsage();
                usage.computeIfAbsent(feature.flag(), flag -> new ArrayList<>()).add(counted);
            }
            counted.keys.putAll(company);
            counted.add(feature.period(), now, quantity == null ? 1 : quantity);
            wasCounted = true;
        }
        return wasCounted;
    }

    /** Forgets the usage of one feature ({@code null}: of every feature). */
    void reset(String flag) {
        synchronized (this) {
            if (flag == null) {
                usage.clear();
            } else {
                usage.remove(flag);
            }
        }
        changeListeners.forEach(Runnable::run);
    }

    /** Each feature with its settings and the usage of every company that used it, for the Dev UI. */
    synchronized List<Map<String, Object>> describe() {
        Instant now = clock.instant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DevFeatureSettings feature : features.values()) {
            Instant resetAt = nextReset(feature.period(), now);
            List<Map<String, Object>> companies = new ArrayList<>();
            for (CompanyUsage counted : usage.getOrDefault(feature.flag(), List.of())) {
                Map<String, Object> company = new LinkedHashMap<>();
                company.put("keys", Map.copyOf(counted.keys));
                company.put("usage", counted.current(feature.period(), now));
                company.put("allocation", feature.allocationFor(counted.keys));
                companies.add(company);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("feature", feature.flag());
            row.put("eventName", feature.eventName());
            row.put("period", feature.period().metricPeriod().wireName());
            row.put("allocation", feature.allocation());
            row.put("softLimit", feature.softLimit());
            row.put("resetsAt", resetAt == null ? null : resetAt.toString());
            row.put("companies", companies);
            rows.add(row);
        }
        return rows;
    }

    private CompanyUsage find(String flag, Map<String, String> company) {
        for (CompanyUsage counted : usage.getOrDefault(flag, List.of())) {
            for (Map.Entry<String, String> key : company.entrySet()) {
                if (key.getValue().equals(counted.keys.get(key.getKey()))) {
                    return counted;
                }
            }
        }
        return null;
    }

    /** When the current period started (UTC); the epoch for an all-time period. */
    static Instant periodStart(SchematicDevServicesConfig.Period period, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate start = switch (period) {
            case ALL_TIME -> LocalDate.EPOCH;
            case CURRENT_DAY -> today;
            case CURRENT_WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
            case CURRENT_MONTH -> today.withDayOfMonth(1);
        };
        return start.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** When the usage starts from zero again; {@code null} for an all-time period. */
    static Instant nextReset(SchematicDevServicesConfig.Period period, Instant now) {
        LocalDate start = LocalDate.ofInstant(periodStart(period, now), ZoneOffset.UTC);
        LocalDate next = switch (period) {
            case ALL_TIME -> null;
            case CURRENT_DAY -> start.plusDays(1);
            case CURRENT_WEEK -> start.plusWeeks(1);
            case CURRENT_MONTH -> start.plusMonths(1);
        };
        return next == null ? null : next.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The usage of one company in the period it was last counted in. */
    private static final class CompanyUsage {
        final Map<String, String> keys = new LinkedHashMap<>();
        long used;
        Instant periodStart = Instant.EPOCH;

        /** The usage in the period of {@code now}: zero once a new period has started. */
        long current(SchematicDevServicesConfig.Period period, Instant now) {
            return periodStart.equals(periodStart(period, now)) ? used : 0;
        }

        void add(SchematicDevServicesConfig.Period period, Instant now, long quantity) {
            used = current(period, now) + quantity;
            periodStart = periodStart(period, now);
        }
    }
}
