package io.quarkiverse.schematic.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.schematic.CheckContext;
import io.quarkiverse.schematic.Entitlement;
import io.quarkiverse.schematic.EntitlementValueType;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.OfflineEventListener;
import io.quarkiverse.schematic.OfflineFlagSource;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.RuleType;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkus.runtime.StartupEvent;

/**
 * Controls Schematic in {@code @QuarkusTest}s that use {@link SchematicTestResource} (offline mode): sets what flags
 * answer, with entitlements (usage, allocation) per company, and shows the identify/track events the application
 * sent. Inject it into the test. Flags can answer one value for everyone ({@link #flag}) or for given company or user
 * keys ({@link #flagForCompany}, {@link #flagForUser}).
 * <p>
 * Before each test method the kit is {@link #reset() reset} automatically: flags return to their configured values,
 * entitlements and recorded events are forgotten, so nothing leaks from one test into the next.
 * <p>
 * Built on the public API only: flag values through {@link SchematicService#setFlagDefault} and
 * {@link SchematicService#removeFlagDefault}, entitlements through the {@link OfflineFlagSource} extension point,
 * events through the {@link OfflineEventListener} extension point.
 */
@Singleton
public class SchematicTestKit implements OfflineEventListener, OfflineFlagSource {

    static final String ENTITLEMENT_REASON = "Entitlement set by SchematicTestKit";
    static final String TARGETED_REASON = "Value set by SchematicTestKit for these keys";

    /** Recorded events kept per test; older ones are forgotten so a busy test cannot exhaust memory. */
    static final int MAX_EVENTS = 10_000;

    private final SchematicService schematic;
    private final boolean offline;
    private final Deque<Object> events = new ArrayDeque<>();
    /** Values for given company or user keys set for the current test, by flag, the latest first. */
    private final Map<String, List<TargetedValue>> targeted = new ConcurrentHashMap<>();
    /** Entitlements set for the current test, by flag, the latest first. */
    private final Map<String, List<TestEntitlement>> entitlements = new ConcurrentHashMap<>();
    /** The flag defaults at start-up (configuration and test resource arguments), which {@link #reset()} restores. */
    private volatile Map<String, Boolean> configuredFlags = Map.of();

    SchematicTestKit(SchematicService schematic,
            @ConfigProperty(name = "quarkus.schematic.offline", defaultValue = "false") boolean offline) {
        this.schematic = schematic;
        this.offline = offline;
    }

    /**
     * Created at start-up, so events the application sends before the first test are recorded too; remembers the
     * configured flag defaults.
     */
    void start(@Observes StartupEvent startup) {
        if (offline) {
            configuredFlags = currentDefaults();
        }
    }

    /** From now until the next test, {@code flag} answers {@code value} for every company and user. */
    public SchematicTestKit flag(String flag, boolean value) {
        requireOffline();
        schematic.setFlagDefault(flag, value);
        return this;
    }

    /**
     * From now until the next test, {@code flag} answers {@code value} for checks whose company has these keys (all of
     * them; it may have more), e.g. {@code kit.flagForCompany("beta", Map.of("id", "acme"), true)}. Other companies get
     * what they got before. A value for a user wins over one for a company, which wins over an
     * {@linkplain #entitlement entitlement} of the flag.
     *
     * @throws IllegalArgumentException if {@code flag} is blank, or {@code company} is null, empty or has a blank key
     */
    public SchematicTestKit flagForCompany(String flag, Map<String, String> company, boolean value) {
        return target(flag, CheckContext.company(required(company, "company")).company(), Map.of(), value);
    }

    /**
     * From now until the next test, {@code flag} answers {@code value} for checks whose user has these keys (all of
     * them), e.g. {@code kit.flagForUser("beta", Map.of("email", "jane@acme.com"), true)}. Other users get what they
     * got before.
     *
     * @throws IllegalArgumentException if {@code flag} is blank, or {@code user} is null, empty or has a blank key
     */
    public SchematicTestKit flagForUser(String flag, Map<String, String> user, boolean value) {
        return target(flag, Map.of(), CheckContext.user(required(user, "user")).user(), value);
    }

    private SchematicTestKit target(String flag, Map<String, String> company, Map<String, String> user,
            boolean value) {
        requireOffline();
        requireFlag(flag);
        TargetedValue set = new TargetedValue(company, user, value);
        List<TargetedValue> forFlag = targeted.computeIfAbsent(flag, key -> new CopyOnWriteArrayList<>());
        forFlag.removeIf(old -> old.company().equals(company) && old.user().equals(user));
        forFlag.add(0, set);
        return this;
    }

    private static Map<String, String> required(Map<String, String> keys, String name) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException(name + " must have at least one key: use flag(flag, value) for all");
        }
        return keys;
    }

    private static void requireFlag(String flag) {
        if (flag == null || flag.isBlank()) {
            throw new IllegalArgumentException("flag must not be null or blank");
        }
    }

    /**
     * From now until the next test, {@code flag} is a numeric entitlement of the company with these keys:
     * {@code usage} of {@code allocation} used. A check answers this {@link Entitlement} and is {@code true} while one
     * more unit fits in the allocation; a {@link Preflight preflight} check while its quantity fits.
     *
     * @param company keys the checked company must have (all of them); {@code null} or empty: every check
     * @throws IllegalArgumentException if {@code flag} is blank, a company key is blank or a number is negative
     */
    public SchematicTestKit entitlement(String flag, Map<String, String> company, long usage, long allocation) {
        if (usage < 0 || allocation < 0) {
            throw new IllegalArgumentException("usage and allocation must not be negative, were " + usage + " and "
                    + allocation);
        }
        return put(flag, company, new Entitlement(null, flag, EntitlementValueType.NUMERIC, allocation, usage, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null), null);
    }

    /**
     * From now until the next test, checks of {@code flag} for the company with these keys answer {@code value} with
     * this entitlement (any value type, credits, limits and reset time), preflight checks included.
     *
     * @param company keys the checked company must have (all of them); {@code null} or empty: every check
     * @throws IllegalArgumentException if {@code flag} is blank, a company key is blank or {@code entitlement} is null
     */
    public SchematicTestKit entitlement(String flag, Map<String, String> company, Entitlement entitlement,
            boolean value) {
        if (entitlement == null) {
            throw new IllegalArgumentException("entitlement must not be null");
        }
        return put(flag, company, entitlement, value);
    }

    private SchematicTestKit put(String flag, Map<String, String> company, Entitlement entitlement, Boolean value) {
        requireOffline();
        requireFlag(flag);
        // validated (no blank key names or values) and copied as a check context's keys are
        TestEntitlement set = new TestEntitlement(CheckContext.company(company).company(), entitlement, value);
        List<TestEntitlement> forFlag = entitlements.computeIfAbsent(flag, key -> new CopyOnWriteArrayList<>());
        forFlag.removeIf(old -> old.company().equals(set.company()));
        forFlag.add(0, set);
        return this;
    }

    /**
     * Answers checks of flags that have a value for the checked user or company, or an entitlement for the company;
     * the others go to the defaults.
     */
    @Override
    public FlagCheck answer(String flag, Map<String, String> company, Map<String, String> user, Preflight preflight) {
        TargetedValue value = targetedValue(flag, company, user);
        if (value != null) {
            return new FlagCheck(flag, value.value(), TARGETED_REASON, null, null, null, null, FlagSource.OFFLINE,
                    null);
        }
        return entitlementAnswer(flag, company, preflight);
    }

    /** The latest value set for the checked user, else for the checked company, or {@code null}. */
    private TargetedValue targetedValue(String flag, Map<String, String> company, Map<String, String> user) {
        List<TargetedValue> forFlag = targeted.get(flag);
        if (forFlag == null) {
            return null;
        }
        TargetedValue forCompany = null;
        for (TargetedValue candidate : forFlag) {
            if (!candidate.user().isEmpty() && user.entrySet().containsAll(candidate.user().entrySet())) {
                return candidate;
            }
            if (forCompany == null && !candidate.company().isEmpty()
                    && company.entrySet().containsAll(candidate.company().entrySet())) {
                forCompany = candidate;
            }
        }
        return forCompany;
    }

    private FlagCheck entitlementAnswer(String flag, Map<String, String> company, Preflight preflight) {
        List<TestEntitlement> forFlag = entitlements.get(flag);
        if (forFlag == null) {
            return null;
        }
        TestEntitlement match = null;
        for (TestEntitlement candidate : forFlag) {
            if (company.entrySet().containsAll(candidate.company().entrySet())
                    && (match == null || candidate.company().size() > match.company().size())) {
                match = candidate;
            }
        }
        if (match == null) {
            return null;
        }
        boolean value = match.value(preflight);
        return new FlagCheck(flag, value, ENTITLEMENT_REASON, null, null, null, null, FlagSource.OFFLINE, null,
                value ? RuleType.PLAN_ENTITLEMENT : RuleType.PLAN_ENTITLEMENT_USAGE_EXCEEDED, match.entitlement());
    }

    /** Flags with an entitlement or a value for some keys, which a check of all flags lists too. */
    @Override
    public Set<String> flags() {
        Set<String> flags = new HashSet<>(entitlements.keySet());
        flags.addAll(targeted.keySet());
        return Set.copyOf(flags);
    }

    /** A value set by a test for checks whose company (or user) has these keys; the other map is empty. */
    private record TargetedValue(Map<String, String> company, Map<String, String> user, boolean value) {
    }

    /**
     * An entitlement set by a test.
     *
     * @param company keys the checked company must have
     * @param value the fixed value, or {@code null} to follow the figures
     */
    private record TestEntitlement(Map<String, String> company, Entitlement entitlement, Boolean value) {

        boolean value(Preflight preflight) {
            if (value != null) {
                return value;
            }
            return entitlement.fits(preflight);
        }
    }

    /** The track events sent since the test started, oldest first. */
    public List<Track> tracked() {
        requireOffline();
        return recorded(Track.class);
    }

    /** The identify events sent since the test started, oldest first. */
    public List<Identify> identified() {
        requireOffline();
        return recorded(Identify.class);
    }

    /**
     * Flags back to their configured values, entitlements and recorded events forgotten. Runs before each test by
     * itself.
     */
    public void reset() {
        entitlements.clear();
        targeted.clear();
        if (offline) {
            currentDefaults().keySet().stream().filter(flag -> !configuredFlags.containsKey(flag))
                    .forEach(schematic::removeFlagDefault);
            configuredFlags.forEach(schematic::setFlagDefault);
        }
        synchronized (events) {
            events.clear();
        }
    }

    @Override
    public void identified(Identify identify) {
        record(identify);
    }

    @Override
    public void tracked(Track track) {
        record(track);
    }

    /** Offline, a check for no company and no user lists every flag that has a default, with its value. */
    private Map<String, Boolean> currentDefaults() {
        return schematic.checkFlags(Map.of(), Map.of()).stream()
                .collect(Collectors.toMap(FlagCheck::flag, FlagCheck::value));
    }

    private <T> List<T> recorded(Class<T> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private void record(Object event) {
        synchronized (events) {
            if (events.size() == MAX_EVENTS) {
                events.removeFirst();
            }
            events.addLast(event);
        }
    }

    private void requireOffline() {
        if (!offline) {
            throw new IllegalStateException("SchematicTestKit works in offline mode only: annotate the test class with"
                    + " @WithTestResource(SchematicTestResource.class) or set quarkus.schematic.offline=true");
        }
    }
}
