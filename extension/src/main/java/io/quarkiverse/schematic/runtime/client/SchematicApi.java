package io.quarkiverse.schematic.runtime.client;

import java.time.temporal.ChronoUnit;
import java.util.Map;

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
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkiverse.schematic.SchematicClientErrorException;
import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkus.rest.client.reactive.NotBody;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.mutiny.Uni;

/**
 * The Schematic REST API, as far as the extension uses it. Base URL, timeout, retries and circuit breaker come from
 * {@code quarkus.schematic.*} (see {@code SchematicClientConfigSource}); everything else about the HTTP client is
 * standard Quarkus REST Client configuration under {@code quarkus.rest-client.schematic.*}.
 * <p>
 * The annotation values are the defaults of {@link SchematicConfig}; {@code SchematicClientConfigSource} overrides
 * them with the configured values at runtime.
 * {@code @Retry} wraps the circuit breaker, which wraps the per-attempt {@code @Timeout}.
 */
@RegisterRestClient(configKey = SchematicApi.CONFIG_KEY)
@RegisterProvider(SchematicErrorMapper.class)
@RegisterProvider(CallBudgetFilter.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Timeout(value = SchematicConfig.DEFAULT_TIMEOUT_SECONDS, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = SchematicConfig.DEFAULT_MAX_RETRIES, delay = SchematicConfig.DEFAULT_RETRY_DELAY_SECONDS, delayUnit = ChronoUnit.SECONDS, jitter = 0)
@RetryWhen(exception = RetryableFailure.class)
@CustomBackoff(SchematicBackoff.class)
@CircuitBreaker(requestVolumeThreshold = SchematicConfig.DEFAULT_CIRCUIT_BREAKER_REQUEST_VOLUME_THRESHOLD, failureRatio = SchematicConfig.DEFAULT_CIRCUIT_BREAKER_FAILURE_RATIO, delay = SchematicConfig.DEFAULT_CIRCUIT_BREAKER_DELAY_SECONDS, delayUnit = ChronoUnit.SECONDS, successThreshold = SchematicConfig.DEFAULT_CIRCUIT_BREAKER_SUCCESS_THRESHOLD, skipOn = SchematicClientErrorException.class)
public interface SchematicApi {

    /** Name of the REST client configuration: {@code quarkus.rest-client.schematic.*}. */
    String CONFIG_KEY = "schematic";

    /** Name of the circuit breaker of {@link #checkFlag}, which {@link CheckFlagBreaker} follows. */
    String CHECK_FLAG_BREAKER = "quarkus-schematic-check-flag";

    @POST
    @Path("/flags/{key}/check")
    @CircuitBreakerName(CHECK_FLAG_BREAKER)
    Uni<Envelope<FlagCheckData>> checkFlag(@PathParam("key") String flag, CheckFlagRequest body,
            @NotBody CallBudget budget);

    @POST
    @Path("/flags/check")
    Uni<Envelope<FlagsCheckData>> checkFlags(CheckFlagRequest body, @NotBody CallBudget budget);

    @POST
    @Path("/flags/check-bulk")
    Uni<Envelope<FlagsBulkData>> checkFlagsBulk(FlagsBulkRequest body, @NotBody CallBudget budget);

    @POST
    @Path("/companies")
    Uni<Envelope<EntityData>> upsertCompany(UpsertCompanyRequest body, @NotBody CallBudget budget);

    @POST
    @Path("/users")
    Uni<Envelope<EntityData>> upsertUser(UpsertUserRequest body, @NotBody CallBudget budget);

    @POST
    @Path("/temporary-access-tokens")
    Uni<Envelope<AccessTokenData>> issueAccessToken(AccessTokenRequest body, @NotBody CallBudget budget);

    /** @param keys the company keys as query parameters, named {@code keys[<name>]} (see {@link KeysQuery}) */
    @GET
    @Path("/usage-by-company")
    Uni<Envelope<FeatureUsageListData>> featureUsage(@RestQuery Map<String, String> keys, @NotBody CallBudget budget);

    /** @param keys the company keys as query parameters, named {@code keys[<name>]} (see {@link KeysQuery}) */
    @GET
    @Path("/companies/lookup")
    Uni<Envelope<EntityData>> lookupCompany(@RestQuery Map<String, String> keys, @NotBody CallBudget budget);

    @POST
    @Path("/companies/delete")
    Uni<Envelope<EntityData>> deleteCompany(KeysRequest body, @NotBody CallBudget budget);

    @POST
    @Path("/users/delete")
    Uni<Envelope<EntityData>> deleteUser(KeysRequest body, @NotBody CallBudget budget);

    @POST
    @Path("/company-traits")
    Uni<Envelope<EntityData>> updateCompanyTrait(TraitUpdateRequest body, @NotBody CallBudget budget);

    @POST
    @Path("/user-traits")
    Uni<Envelope<EntityData>> updateUserTrait(TraitUpdateRequest body, @NotBody CallBudget budget);
}
