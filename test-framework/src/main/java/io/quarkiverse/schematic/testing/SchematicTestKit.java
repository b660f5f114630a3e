package io.quarkiverse.schematic.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.SchematicCore;
import io.quarkiverse.schematic.runtime.client.IdentifyBody;
import io.quarkiverse.schematic.runtime.client.TrackBody;
import io.quarkiverse.schematic.runtime.events.OfflineEventSink;
import io.quarkiverse.schematic.runtime.flags.FlagDefaults;
import io.quarkus.runtime.StartupEvent;

/**
 * Controls Schematic in {@code @QuarkusTest}s that use {@link SchematicTestResource} (offline mode): sets what flags
 * answer and shows the identify/track events the application sent. Inject it into the test.
 * <p>
 * Before each test method the kit is {@link #reset() reset} automatically: flags return to their configured values
 * and recorded events are forgotten, so nothing leaks from one test into the next.
 */
@Singleton
public class SchematicTestKit {

    /** Recorded events kept per test; older ones are forgotten so a busy test cannot exhaust memory. */
    static final int MAX_EVENTS = 10_000;

    private final SchematicCore core;
    private final Map<String, Boolean> configuredFlags;
    private final Deque<Object> events = new ArrayDeque<>();

    SchematicTestKit(SchematicCore core) {
        this.core = core;
        this.configuredFlags = core.flags().defaults().all();
        if (core.events() instanceof OfflineEventSink offline) {
            offline.observe((type, body) -> record(body));
        }
    }

    /** Created at start-up, so events the application sends before the first test are recorded too. */
    void start(@Observes StartupEvent startup) {
        // creating the bean is the point
    }

    /** From now until the next test, {@code flag} answers {@code value} for every company and user. */
    public SchematicTestKit flag(String flag, boolean value) {
        requireOffline();
        core.flags().defaults().set(flag, value);
        return this;
    }

    /** The track events sent since the test started, oldest first. */
    public List<Track> tracked() {
        requireOffline();
        synchronized (events) {
            return events.stream().filter(TrackBody.class::isInstance).map(body -> track((TrackBody) body)).toList();
        }
    }

    /** The identify events sent since the test started, oldest first. */
    public List<Identify> identified() {
        requireOffline();
        synchronized (events) {
            return events.stream().filter(IdentifyBody.class::isInstance)
                    .map(body -> identify((IdentifyBody) body)).toList();
        }
    }

    /** Flags back to their configured values, recorded events forgotten. Runs before each test by itself. */
    public void reset() {
        FlagDefaults defaults = core.flags().defaults();
        defaults.all().keySet().forEach(defaults::remove);
        configuredFlags.forEach(defaults::set);
        synchronized (events) {
            events.clear();
        }
    }

    private void record(Object body) {
        synchronized (events) {
            if (events.size() == MAX_EVENTS) {
                events.removeFirst();
            }
            events.addLast(body);
        }
    }

    private void requireOffline() {
        if (!core.offline()) {
            throw new IllegalStateException("SchematicTestKit works in offline mode only: annotate the test class with"
                    + " @WithTestResource(SchematicTestResource.class) or set quarkus.schematic.offline=true");
        }
    }

    /** The wire body back as the public type the application built. */
    private static Track track(TrackBody body) {
        Track track = Track.event(body.event());
        if (!body.company().isEmpty()) {
            track = track.company(body.company());
        }
        if (!body.user().isEmpty()) {
            track = track.user(body.user());
        }
        if (!body.traits().isEmpty()) {
            track = track.traits(body.traits());
        }
        return body.quantity() == null ? track : track.quantity(body.quantity());
    }

    private static Identify identify(IdentifyBody body) {
        Identify identify = Identify.user(body.keys());
        if (body.name() != null) {
            identify = identify.name(body.name());
        }
        if (!body.traits().isEmpty()) {
            identify = identify.traits(body.traits());
        }
        IdentifyBody.CompanyBody company = body.company();
        return company == null ? identify : identify.company(company.keys(), company.name(), company.traits());
    }
}
