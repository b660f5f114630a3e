package io.quarkiverse.schematic.runtime.health;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.schematic.runtime.SchematicCore;
import io.quarkiverse.schematic.runtime.client.ApiKeyRefusals;
import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkiverse.schematic.runtime.datastream.DataStreamStatus;
import io.quarkiverse.schematic.runtime.datastream.LocalEvaluation;
import io.quarkiverse.schematic.runtime.events.EventStats;
import io.quarkiverse.schematic.runtime.replicator.Replicator;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheStatus;

/**
 * Readiness of the Schematic connection: DOWN while Schematic refuses the API key (reason {@code unauthorized}) and
 * while the circuit breaker refuses calls after failures (flag checks then answer from defaults), UP otherwise and
 * always in offline mode. The data shows the latest outcomes, the shared cache's state ({@code cache=shared} or
 * {@code degraded}), the state of the DataStream with local evaluation (or of the replicator and its Redis in
 * replicator mode), and the event buffer's counters; neither the shared cache nor the DataStream nor the replicator is
 * ever a reason for DOWN (checks go on to the REST API meanwhile). Never the API
 * key or a response body.
 */
@Readiness
@ApplicationScoped
public class SchematicHealthCheck implements HealthCheck {

    static final String NAME = "Schematic";

    /** The first word of the reason while Schematic refuses the API key. */
    static final String UNAUTHORIZED = "unauthorized";

    private final SchematicCore core;
    private final ApiStatus status;
    private final ApiKeyRefusals refusals;
    private final SchematicConfig config;
    private final LocalEvaluation local;

    SchematicHealthCheck(SchematicCore core, ApiStatus status, ApiKeyRefusals refusals, SchematicConfig config,
            LocalEvaluation local) {
        this.core = core;
        this.status = status;
        this.refusals = refusals;
        this.config = config;
        this.local = local;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up()
                .withData("mode", core.offline() ? "offline" : "online");
        if (!core.offline()) {
            ApiStatus.Snapshot api = status.snapshot();
            time(response, "lastAnswer", api.lastAnswerAt());
            time(response, "lastFailure", api.lastFailureAt());
            if (api.lastFailure() != null) {
                response.withData("lastFailureOutcome", api.lastFailure().tag());
            }
            response.withData("failuresSinceAnswer", api.failuresSinceAnswer());
            ApiKeyRefusals.Refusal refusal = refusals.recent();
            if (refusal != null) {
                response.down().withData("reason", UNAUTHORIZED + ": Schematic refused the API key (" + refusal.describe()
                        + "); check " + ConfigNames.API_KEY + ". Flag checks answer from defaults, events stay queued");
            } else if (api.circuitOpen(config.circuitBreaker().delay())) {
                String cause = api.lastFailure() == null ? "" : " (" + api.lastFailure().tag() + ")";
                response.down().withData("reason", "Recent calls to Schematic failed" + cause
                        + " and the circuit breaker is open: flag checks answer from defaults");
            }
        }
        core.flags().cache().shared().ifPresent(shared -> sharedCache(response, shared));
        Optional<Replicator.Status> replicator = local.replicator();
        dataStream(response, local.status(), replicator.isEmpty());
        replicator.ifPresent(status -> replicator(response, status));
        if (replicator.isEmpty()) {
            // direct mode with cache.backend=redis: the entities shared with other instances
            local.redis().ifPresent(status -> redis(response, "dataStream.redis", status));
        }
        EventStats events = core.events().stats();
        return response.withData("events.queued", events.queued())
                .withData("events.accepted", events.accepted())
                .withData("events.delivered", events.delivered())
                .withData("events.dropped", events.dropped())
                .withData("events.failedSends", events.failedSends())
                .withData("events.rejected", events.rejected())
                .withData("events.lost", events.lost())
                .build();
    }

    /**
     * The shared cache's trouble never makes the check DOWN: checks go on to Schematic meanwhile, so the instance
     * still serves. It shows as {@code cache=degraded}.
     */
    private static void sharedCache(HealthCheckResponseBuilder response, SharedCacheStatus shared) {
        response.withData("cache", shared.degraded() ? "degraded" : "shared");
        response.withData("cache.errors", errors(shared));
        if (shared.lastFailure() != null) {
            response.withData("cache.lastFailureOutcome", shared.lastFailure().tag());
            time(response, "cache.lastFailure", shared.lastFailureAt());
        }
    }

    /** @param direct whether this instance holds the DataStream connection (not replicator mode) */
    private static void dataStream(HealthCheckResponseBuilder response, DataStreamStatus dataStream, boolean direct) {
        response.withData("dataStream", dataStream.state());
        if (dataStream.enabled()) {
            if (direct && !dataStream.connected()) {
                response.withData("dataStream.fallback", "flag checks that need data not cached locally ask the"
                        + " REST API until the DataStream is connected again");
            }
            response.withData("dataStream.flags", dataStream.flags())
                    .withData("dataStream.companies", dataStream.companies())
                    .withData("dataStream.users", dataStream.users())
                    .withData("dataStream.reconnects", dataStream.reconnects());
        }
    }

    /**
     * Replicator mode: whether the replicator says ready (else checks ask the REST API), and the state of its Redis,
     * {@code replicator.redis=degraded} while reads fail (checks not answered from the near cache ask the REST API).
     * Neither is a reason for DOWN.
     */
    private static void replicator(HealthCheckResponseBuilder response, Replicator.Status replicator) {
        if (replicator.cacheVersion() != null) {
            response.withData("replicator.cacheVersion", replicator.cacheVersion());
        }
        if (!replicator.ready()) {
            response.withData("replicator.fallback", "the replicator is not ready (" + replicator.problem()
                    + "): flag checks ask the REST API until it is");
        }
        redis(response, "replicator.redis", replicator.redis());
    }

    /**
     * The Redis of flags, companies and users: {@code degraded} while calls fail (checks then go on without it), never
     * a reason for DOWN.
     */
    private static void redis(HealthCheckResponseBuilder response, String name, SharedCacheStatus redis) {
        response.withData(name, redis.degraded() ? "degraded" : "ok");
        response.withData(name + ".errors", errors(redis));
        if (redis.lastFailure() != null) {
            response.withData(name + ".lastFailureOutcome", redis.lastFailure().tag());
            time(response, name + ".lastFailure", redis.lastFailureAt());
        }
    }

    private static long errors(SharedCacheStatus status) {
        long errors = 0;
        for (SharedCacheStatus.Problem problem : SharedCacheStatus.Problem.values()) {
            errors += status.count(problem);
        }
        return errors;
    }

    private static void time(HealthCheckResponseBuilder response, String name, long epochMillis) {
        if (epochMillis != 0) {
            response.withData(name, Instant.ofEpochMilli(epochMillis).toString());
        }
    }
}
