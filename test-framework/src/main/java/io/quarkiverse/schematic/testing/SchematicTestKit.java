package io.quarkiverse.schematic.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.OfflineEventListener;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkus.runtime.StartupEvent;

/**
 * Controls Schematic in {@code @QuarkusTest}s that use {@link SchematicTestResource} (offline mode): sets what flags
 * answer and shows the identify/track events the application sent. Inject it into the test.
 * <p>
 * Before each test method the kit is {@link #reset() reset} automatically: flags return to their configured values
 * and recorded events are forgotten, so nothing leaks from one test into the next.
 * <p>
 * Built on the public API only: flag values through {@link SchematicService#setFlagDefault} and
 * {@link SchematicService#removeFlagDefault}, events through the {@link OfflineEventListener} extension point.
 */
@Singleton
public class SchematicTestKit implements OfflineEventListener {

    /** Recorded events kept per test; older ones are forgotten so a busy test cannot exhaust memory. */
    static final int MAX_EVENTS = 10_000;

    private final SchematicService schematic;
    private final boolean offline;
    private final Deque<Object> events = new ArrayDeque<>();
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

    /** Flags back to their configured values, recorded events forgotten. Runs before each test by itself. */
    public void reset() {
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
