package io.quarkiverse.schematic.benchmarks.startup;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.mutiny.Uni;

/**
 * The Schematic API as the extension's contract describes it (a MicroProfile REST Client with {@code @Retry} and
 * {@code @Timeout}), written as any application would, with none of the extension's code: the same 12 methods, the
 * same Fault Tolerance annotations (timeout, retry with a retry predicate and a custom backoff, a circuit breaker
 * skipping client errors, one named breaker), each request with a body type of its own. Its Fault Tolerance
 * configuration is the one the extension translates from {@code quarkus.schematic.*}, in application.properties.
 */
@RegisterRestClient(configKey = PlainApi.CONFIG_KEY)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 3, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 0)
@RetryWhen(exception = PlainApi.RetryOnIo.class)
@CustomBackoff(PlainApi.DoublingBackoff.class)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS, successThreshold = 1, skipOn = PlainApi.ClientError.class)
public interface PlainApi {

    String CONFIG_KEY = "plain";

    @POST
    @Path("/flags/{key}/check")
    @CircuitBreakerName("plain-check-flag")
    Uni<JsonNode> checkFlag(@PathParam("key") String flag, CheckBody body);

    @POST
    @Path("/flags/check")
    Uni<JsonNode> checkFlags(CheckBody body);

    @POST
    @Path("/flags/check-bulk")
    Uni<JsonNode> checkFlagsBulk(BulkBody body);

    @POST
    @Path("/companies")
    Uni<JsonNode> upsertCompany(CompanyBody body);

    @POST
    @Path("/users")
    Uni<JsonNode> upsertUser(UserBody body);

    @POST
    @Path("/temporary-access-tokens")
    Uni<JsonNode> issueAccessToken(TokenBody body);

    @GET
    @Path("/usage-by-company")
    Uni<JsonNode> featureUsage(@RestQuery Map<String, String> keys);

    @GET
    @Path("/companies/lookup")
    Uni<JsonNode> lookupCompany(@RestQuery Map<String, String> keys);

    @POST
    @Path("/companies/delete")
    Uni<JsonNode> deleteCompany(KeysBody body);

    @POST
    @Path("/users/delete")
    Uni<JsonNode> deleteUser(KeysBody body);

    @POST
    @Path("/company-traits")
    Uni<JsonNode> updateCompanyTrait(TraitBody body);

    @POST
    @Path("/user-traits")
    Uni<JsonNode> updateUserTrait(TraitBody body);

    record CheckBody(Map<String, String> company, Map<String, String> user) {
    }

    record BulkBody(Map<String, String> company, Map<String, String> user, java.util.List<String> flags) {
    }

    record CompanyBody(Map<String, String> keys, String name, Map<String, Object> traits) {
    }

    record UserBody(Map<String, String> keys, Map<String, String> company, String name, Map<String, Object> traits) {
    }

    record TokenBody(String resourceType, Map<String, String> lookup) {
    }

    record KeysBody(Map<String, String> keys) {
    }

    record TraitBody(Map<String, String> keys, String trait, String updateType, long incr) {
    }

    /** Retries failures to connect or read, as an application's retry predicate would. */
    class RetryOnIo implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The retry delay doubled per retry. */
    class DoublingBackoff implements CustomBackoffStrategy {
        private long next;

        @Override
        public void init(long initialDelayInMillis) {
            next = initialDelayInMillis;
        }

        @Override
        public long nextDelayInMillis(Throwable cause) {
            long delay = next;
            next = Math.min(60_000, next * 2);
            return delay;
        }
    }

    /** A 4xx answer, which the circuit breaker does not count as a failure. */
    class ClientError extends RuntimeException {
        public ClientError(String message) {
            super(message);
        }
    }
}
