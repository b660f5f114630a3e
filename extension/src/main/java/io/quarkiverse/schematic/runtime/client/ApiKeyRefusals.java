package io.quarkiverse.schematic.runtime.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.schematic.SchematicException;
import io.quarkiverse.schematic.SchematicHttpException;
import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkiverse.schematic.runtime.logging.LogThrottle;

/**
 * Notices Schematic refusing the API key: HTTP 401 or 403 from the REST API or the event-capture service. A refused
 * key is a configuration problem that no retry fixes, and flag checks quietly answering their defaults would hide it,
 * so it is made loud: an ERROR line at the first refusal and then at most one a minute while refusals go on (never
 * the key, never the response body), a state for the readiness check, and counts for the meters. A call Schematic
 * accepts clears the state.
 */
@Singleton
public class ApiKeyRefusals {

    /** How long a refusal is remembered without a newer call; also the interval of its ERROR line. */
    static final Duration MEMORY = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(ApiKeyRefusals.class);

    /** The Schematic services that check the key. */
    public enum Service {
        API("api", "REST API"),
        EVENT_CAPTURE("event-capture", "event-capture service");

        private final String tag;
        private final String description;

        Service(String tag, String description) {
            this.tag = tag;
            this.description = description;
        }

        /** The lower-case word used in metric tags. */
        public String tag() {
            return tag;
        }
    }

    /**
     * One refusal.
     *
     * @param service the service that refused the key
     * @param operation the call it refused, e.g. {@code checkFlag}
     * @param status 401 or 403
     * @param atNanos {@link System#nanoTime()} of the refusal
     */
    public record Refusal(Service service, String operation, int status, long atNanos) {

        /** A few words for a health reason: status, service and call; no body, no URL, no key. */
        public String describe() {
            return "HTTP " + status + " from the " + service.description + " on " + operation;
        }
    }

    private final AtomicReference<Refusal> latest = new AtomicReference<>();
    private final LongAdder[] counts = { new LongAdder(), new LongAdder() };
    private final LogThrottle errorLog = new LogThrottle(MEMORY);

    /** Whether Schematic answers this status when it refuses the key: 401 (unknown key) or 403 (not allowed). */
    public static boolean refusesKey(int status) {
        return status == 401 || status == 403;
    }

    /** Whether this failure of a call is Schematic refusing the key. */
    public static boolean isRefusal(Throwable failure) {
        return failure != null && Failures.translate("call", failure) instanceof SchematicHttpException http
                && refusesKey(http.statusCode());
    }

    /**
     * Told about every call to a Schematic service.
     *
     * @param failure why the call failed, or {@code null} when Schematic accepted it
     */
    public void completed(Service service, String operation, Throwable failure) {
        if (failure == null) {
            accepted();
            return;
        }
        SchematicException translated = Failures.translate(operation, failure);
        if (!(translated instanceof SchematicHttpException http)) {
            // a timeout or a connection failure says nothing about the key
            return;
        }
        if (refusesKey(http.statusCode())) {
            refused(new Refusal(service, operation, http.statusCode(), System.nanoTime()));
        } else if (!http.isTransient()) {
            // another 4xx: Schematic took the key and refused the request for what it asked
            accepted();
        }
    }

    /** This object as the listener of REST API calls. */
    public ApiCallListener apiListener() {
        return (operation, durationNanos, failure) -> completed(Service.API, operation, failure);
    }

    /** The latest refusal while no call was accepted since and it is less than a minute old, else {@code null}. */
    public Refusal recent() {
        Refusal refusal = latest.get();
        return refusal != null && System.nanoTime() - refusal.atNanos() < MEMORY.toNanos() ? refusal : null;
    }

    /** Refusals by this service since start. */
    public long count(Service service) {
        return counts[service.ordinal()].sum();
    }

    private void refused(Refusal refusal) {
        counts[refusal.service().ordinal()].increment();
        latest.set(refusal);
        if (errorLog.allow()) {
            LOG.errorf("Schematic refused the API key (%s). Check %s: it must be the secret API key of your Schematic"
                    + " environment. Until Schematic accepts it, flag checks answer their defaults, events stay queued"
                    + " and the readiness check is DOWN (unauthorized). Refusals so far: %d", refusal.describe(),
                    ConfigNames.API_KEY, count(Service.API) + count(Service.EVENT_CAPTURE));
        }
    }

    private void accepted() {
        if (latest.get() != null && latest.getAndSet(null) != null) {
            errorLog.reset();
            LOG.info("Schematic accepts the API key again");
        }
    }
}
