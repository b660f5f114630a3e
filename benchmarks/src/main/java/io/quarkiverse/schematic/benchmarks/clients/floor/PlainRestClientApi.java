package io.quarkiverse.schematic.benchmarks.clients.floor;

import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * The stack the extension's REST path is built on, without any of the extension's code: a MicroProfile REST Client
 * of the same shape (Quarkus REST Client with Jackson, a {@code Uni} result awaited by the caller) carrying the same
 * kinds of Fault Tolerance annotations (retry, circuit breaker, per-attempt timeout). What a call through it costs
 * is what our check cannot go below as long as its client stays an annotated MicroProfile REST Client, which is the
 * extension's contract.
 */
@RegisterRestClient(configKey = PlainRestClientApi.CONFIG_KEY)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = FlagCheckJson.API_KEY_HEADER, value = FlagCheckJson.API_KEY)
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 3, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 0)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
public interface PlainRestClientApi {

    /** {@code quarkus.rest-client.plain-stack.url} points it at the stub. */
    String CONFIG_KEY = "plain-stack";

    @POST
    @Path("/flags/{key}/check")
    Uni<Answer> checkFlag(@PathParam("key") String flag, Map<String, Map<String, String>> body);

    @POST
    @Path("/flags/check")
    Uni<JsonNode> checkFlags(Map<String, Map<String, String>> body);

    @POST
    @Path("/companies")
    Uni<JsonNode> upsertCompany(Map<String, Object> body);

    /** The envelope and the fields a flag check reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(Data data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String flag, Boolean value, String reason) {
    }
}
