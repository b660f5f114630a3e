package io.quarkiverse.schematic.runtime.replicator;

import java.time.Duration;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Asks the replicator's readiness endpoint at start-up and then every poll interval, as Schematic's SDKs do. The
 * replicator answers JSON with {@code ready} (200 when ready, 503 while it connects or loads) and
 * {@code cache_version}, the version segment of its Redis keys. The replicator counts as ready when an answer is a 2xx
 * with {@code "ready": true} and a cache version; anything else (an error status, no answer within the request
 * timeout, a body that is not such JSON) counts as not ready. The last cache version seen is kept.
 * <p>
 * Runs on Vert.x timers; never blocks a thread.
 */
final class ReplicatorReadiness {

    private static final Logger LOG = Logger.getLogger(ReplicatorReadiness.class);
    /**
     * The bound of one readiness request, the Go SDK's; the next poll is scheduled when a request ends, so a slow
     * endpoint delays polls and never stacks them.
     */
    private static final long REQUEST_TIMEOUT_MILLIS = Duration.ofSeconds(5).toMillis();

    /** What the latest poll found; {@code problem} says why it is not ready ({@code null} when ready). */
    record State(boolean ready, String cacheVersion, String problem, long polls) {
    }

    private final Vertx vertx;
    private final String url;
    private final long intervalMillis;
    private final ObjectMapper json;
    private final Consumer<String> versionChanged;
    private final HttpClient http;
    private volatile State state = new State(false, null, "not asked yet", 0);
    private volatile boolean closed;
    private volatile long timer = -1;

    /**
     * @param versionChanged told the new cache version when it changes (not at the first one)
     */
    ReplicatorReadiness(Vertx vertx, String url, Duration interval, ObjectMapper json, Consumer<String> versionChanged) {
        this.vertx = vertx;
        this.url = url;
        this.intervalMillis = Math.max(1, interval.toMillis());
        this.json = json;
        this.versionChanged = versionChanged;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) REQUEST_TIMEOUT_MILLIS)
                .setKeepAlive(true));
    }

    void start() {
        poll();
    }

    void close() {
        closed = true;
        vertx.cancelTimer(timer);
        http.close();
    }

    State state() {
        return state;
    }

    boolean ready() {
        return state.ready();
    }

    String url() {
        return url;
    }

    private void poll() {
        if (closed) {
            return;
        }
        http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .setIdleTimeout(REQUEST_TIMEOUT_MILLIS))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> read(response.statusCode(), body)))
                .onComplete(result -> {
                    if (closed) {
                        // the application stops: a poll cut short is no news
                        return;
                    }
                    update(result.succeeded() ? result.result()
                            // the kind of failure only: readiness data never shows a URL
                            : new Answer(false, null, "no answer: " + result.cause().getClass().getSimpleName()));
                    timer = vertx.setTimer(intervalMillis, id -> poll());
                });
    }

    /** One answer of the endpoint. */
    private record Answer(boolean ready, String cacheVersion, String problem) {
    }

    private Answer read(int status, Buffer body) {
        JsonNode answer;
        try {
            answer = json.readTree(body.getBytes());
        } catch (java.io.IOException | RuntimeException e) {
            return new Answer(false, null, "HTTP " + status + " without a JSON readiness answer");
        }
        JsonNode versionNode = answer == null ? null : answer.get("cache_version");
        String version = versionNode != null && versionNode.isTextual() && !versionNode.asText().isBlank()
                ? versionNode.asText()
                : null;
        boolean saysReady = answer != null && answer.path("ready").isBoolean() && answer.path("ready").asBoolean();
        if (status / 100 != 2 || !saysReady) {
            return new Answer(false, version, "HTTP " + status + ", not ready");
        }
        if (version == null) {
            return new Answer(false, null, "ready without a cache_version: the Redis keys are unknown");
        }
        return new Answer(true, version, null);
    }

    private void update(Answer answer) {
        State previous = state;
        String version = answer.cacheVersion() != null ? answer.cacheVersion() : previous.cacheVersion();
        state = new State(answer.ready() && version != null, version, answer.problem(), previous.polls() + 1);
        if (previous.cacheVersion() != null && !previous.cacheVersion().equals(version)) {
            LOG.infof("Schematic's replicator now writes cache version %s (was %s)", version, previous.cacheVersion());
            versionChanged.accept(version);
        }
        if (state.ready() && !previous.ready()) {
            LOG.infof("Schematic's replicator at %s is ready (cache version %s): flags are evaluated locally from Redis",
                    url, version);
        } else if (!state.ready() && (previous.ready() || previous.polls() == 0)) {
            LOG.warnf("Schematic's replicator at %s is not ready (%s): flag checks ask the REST API until it is", url,
                    answer.problem());
        }
    }
}
