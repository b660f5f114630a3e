package io.quarkiverse.schematic.runtime.health;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.schematic.runtime.SchematicCore;
import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkiverse.schematic.runtime.datastream.DataStreamStatus;
import io.quarkiverse.schematic.runtime.datastream.LocalEvaluation;
import io.quarkiverse.schematic.runtime.events.EventStats;

/**
 * Readiness of the Schematic connection: DOWN while the circuit breaker refuses calls after failures (flag checks then
 * answer from defaults), UP otherwise and always in offline mode. The data shows the latest outcomes, the state of the
 * DataStream with local evaluation (never a reason for DOWN: while it is down, checks fall back to the REST API, whose
 * health is the circuit breaker's) and the event buffer's counters; never the API key or a response body.
 */
@Readiness
@ApplicationScoped
public class SchematicHealthCheck implements HealthCheck {

    static final String NAME = "Schematic";

    private final SchematicCore core;
    private final ApiStatus status;
    private final SchematicConfig config;
    private final LocalEvaluation local;

    SchematicHealthCheck(SchematicCore core, ApiStatus status, SchematicConfig config, LocalEvaluation local) {
        this.core = core;
        this.status = status;
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
            if (api.circuitOpen(config.circuitBreaker().delay())) {
                String cause = api.lastFailure() == null ? "" : " (" + api.lastFailure().tag() + ")";
                response.down().withData("reason", "Recent calls to Schematic failed" + cause
                        + " and the circuit breaker is open: flag checks answer from defaults");
            }
        }
        dataStream(response, local.status());
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

    private static void dataStream(HealthCheckResponseBuilder response, DataStreamStatus dataStream) {
        response.withData("dataStream", dataStream.state());
        if (dataStream.enabled()) {
            if (!dataStream.connected()) {
                response.withData("dataStream.fallback", "flag checks that need data not cached locally ask the"
                        + " REST API until the DataStream is connected again");
            }
            response.withData("dataStream.flags", dataStream.flags())
                    .withData("dataStream.companies", dataStream.companies())
                    .withData("dataStream.users", dataStream.users())
                    .withData("dataStream.reconnects", dataStream.reconnects());
        }
    }

    private static void time(HealthCheckResponseBuilder response, String name, long epochMillis) {
        if (epochMillis != 0) {
            response.withData(name, Instant.ofEpochMilli(epochMillis).toString());
        }
    }
}
