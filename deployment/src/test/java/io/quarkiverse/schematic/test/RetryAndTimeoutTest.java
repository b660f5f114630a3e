package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.RequestOptions;
import io.quarkiverse.schematic.SchematicAccounts;
import io.quarkiverse.schematic.SchematicClientErrorException;
import io.quarkiverse.schematic.SchematicConnectionException;
import io.quarkiverse.schematic.SchematicHttpException;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.SchematicTimeoutException;
import io.quarkiverse.schematic.TraitUpdate;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @Retry} and {@code @Timeout} on the REST client, driven by {@code quarkus.schematic.*}, and per-request
 * overrides. The circuit breaker is off here: these tests count attempts, not outages.
 */
class RetryAndTimeoutTest {

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app(AccountCall.class)
            .overrideConfigKey("quarkus.schematic.cache.enabled", "false")
            .overrideConfigKey("quarkus.schematic.circuit-breaker.enabled", "false")
            .overrideConfigKey("quarkus.schematic.max-retries", "2")
            .overrideConfigKey("quarkus.schematic.timeout", "700ms");

    @Inject
    SchematicService schematic;

    @Inject
    SchematicAccounts accounts;

    final WireMock stub = SchematicStub.client();

    @BeforeEach
    void reset() {
        stub.resetMappings();
        stub.resetRequests();
    }

    private void companiesAnswer(int status) {
        stub.register(post(urlPathEqualTo("/companies")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"status " + status + "\"}")));
    }

    private int companyRequests() {
        return stub.find(postRequestedFor(urlPathEqualTo("/companies"))).size();
    }

    @ParameterizedTest
    @ValueSource(ints = { 408, 429, 500, 502, 503, 504 })
    void transientStatusesAreRetriedThenSurface(int status) {
        companiesAnswer(status);

        assertThatThrownBy(() -> schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))))
                // exactly the public type: no internal subtype in users' catch blocks, none in the causes either
                .isExactlyInstanceOf(SchematicHttpException.class)
                .hasNoCause()
                .satisfies(e -> assertThat(((SchematicHttpException) e).statusCode()).isEqualTo(status));
        assertThat(companyRequests()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 403, 404, 422 })
    void clientErrorsAreNotRetried(int status) {
        companiesAnswer(status);

        assertThatThrownBy(() -> schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))))
                .isInstanceOf(SchematicClientErrorException.class);
        assertThat(companyRequests()).isEqualTo(1);
    }

    @Test
    void transientFailureThenSuccessReturnsTheAnswer() {
        stub.register(post(urlPathEqualTo("/flags/beta/check")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        stub.register(post(urlPathEqualTo("/flags/beta/check")).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(SchematicStub.json(SchematicStub.flagJson("beta", true))));

        FlagCheck check = schematic.checkFlagDetails("beta", Map.of("id", "acme"), null);

        assertThat(check.value()).isTrue();
        assertThat(check.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/beta/check")))).hasSize(2);
    }

    @Test
    void retryAfterIsHonoured() {
        stub.register(post(urlPathEqualTo("/companies")).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("open"));
        stub.register(post(urlPathEqualTo("/companies")).inScenario("limited").whenScenarioStateIs("open")
                .willReturn(SchematicStub.json("{\"data\":{\"id\":\"comp_1\"}}")));

        long started = System.nanoTime();
        assertThat(schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))).id()).isEqualTo("comp_1");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        // the configured retry delay is 10 ms: only Retry-After explains a wait of a second
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(companyRequests()).isEqualTo(2);
    }

    @Test
    void perRequestMaxRetriesZeroSendsOneRequest() {
        companiesAnswer(503);

        assertThatThrownBy(() -> schematic.withOptions(RequestOptions.defaults().maxRetries(0))
                .upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))))
                .isInstanceOf(SchematicHttpException.class);
        assertThat(companyRequests()).isEqualTo(1);
    }

    @Test
    void perRequestMaxRetriesOneSendsTwoRequests() {
        companiesAnswer(500);

        assertThatThrownBy(() -> schematic.withOptions(RequestOptions.defaults().maxRetries(1))
                .upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))))
                .isInstanceOf(SchematicHttpException.class);
        assertThat(companyRequests()).isEqualTo(2);
    }

    @Test
    void perRequestRetriesAboveTheConfiguredLimitAreRefused() {
        assertThatThrownBy(() -> schematic.withOptions(RequestOptions.defaults().maxRetries(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quarkus.schematic.max-retries");
    }

    @Test
    void connectionFailuresAreRetriedWithinThePerRequestBudget() {
        stub.register(post(urlPathEqualTo("/companies")).willReturn(aResponse()
                .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))))
                .isInstanceOf(SchematicConnectionException.class);
        assertThat(companyRequests()).isEqualTo(3);

        stub.resetRequests();
        assertThatThrownBy(() -> schematic.withOptions(RequestOptions.defaults().maxRetries(0))
                .upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))))
                .isInstanceOf(SchematicConnectionException.class);
        assertThat(companyRequests()).isEqualTo(1);
    }

    @Test
    void stalledServerTimesOutInAboutTheConfiguredTime() {
        stub.register(post(urlPathEqualTo("/companies")).willReturn(aResponse().withFixedDelay(5_000)
                .withStatus(200)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))))
                .isInstanceOf(SchematicTimeoutException.class);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(waited).isBetween(Duration.ofMillis(600), Duration.ofMillis(3_000));
        assertThat(companyRequests()).isEqualTo(1);
    }

    @Test
    void stalledFlagCheckAnswersFalseInAboutTheConfiguredTime() {
        stub.register(post(urlPathEqualTo("/flags/slow/check")).willReturn(aResponse().withFixedDelay(5_000)
                .withStatus(200)));

        long started = System.nanoTime();
        FlagCheck check = schematic.checkFlagDetails("slow", Map.of("id", "acme"), null);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(check.value()).isFalse();
        assertThat(check.source()).isEqualTo(FlagSource.DEFAULT);
        assertThat(check.error()).contains("timed out");
        assertThat(waited).isBetween(Duration.ofMillis(600), Duration.ofMillis(3_000));
    }

    @Test
    void perRequestTimeoutBoundsTheWholeCall() {
        stub.register(post(urlPathEqualTo("/companies")).willReturn(aResponse().withFixedDelay(5_000)
                .withStatus(200)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> schematic.withOptions(RequestOptions.timeout(Duration.ofMillis(200)))
                .upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))))
                .isInstanceOf(SchematicTimeoutException.class);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(waited).isBetween(Duration.ofMillis(150), Duration.ofMillis(650));
    }

    /** Names, not constants: a QuarkusUnitTest runs the test in another class loader than JUnit's. */
    static Stream<String> accountCalls() {
        return Arrays.stream(AccountCall.values()).map(Enum::name);
    }

    @ParameterizedTest
    @MethodSource("accountCalls")
    void accountCallsRetryServerErrorsThenSurface(String name) {
        AccountCall call = AccountCall.valueOf(name);
        stub.register(call.answers().willReturn(aResponse().withStatus(503).withBody("{\"error\":\"down\"}")));

        assertThatThrownBy(() -> call.invoke(accounts))
                .isExactlyInstanceOf(SchematicHttpException.class)
                .hasNoCause()
                .satisfies(e -> assertThat(((SchematicHttpException) e).statusCode()).isEqualTo(503));
        assertThat(stub.find(call.requested())).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("accountCalls")
    void accountCallsDoNotRetryClientErrors(String name) {
        AccountCall call = AccountCall.valueOf(name);
        stub.register(call.answers().willReturn(aResponse().withStatus(400).withBody("{\"error\":\"bad\"}")));

        assertThatThrownBy(() -> call.invoke(accounts)).isInstanceOf(SchematicClientErrorException.class)
                .satisfies(e -> assertThat(((SchematicHttpException) e).body()).isEqualTo("{\"error\":\"bad\"}"));
        assertThat(stub.find(call.requested())).hasSize(1);
    }

    @Test
    void incrementsAreNeverRetried() {
        stub.register(post(urlPathEqualTo("/company-traits")).willReturn(aResponse().withStatus(502)));
        stub.register(post(urlPathEqualTo("/user-traits")).willReturn(aResponse()
                .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> accounts.updateCompanyTrait(Map.of("id", "acme"), TraitUpdate.increment("seats", 1)))
                .isExactlyInstanceOf(SchematicHttpException.class);
        assertThatThrownBy(() -> accounts.updateUserTrait(Map.of("email", "jane@acme.com"),
                TraitUpdate.increment("logins", 1))).isInstanceOf(SchematicConnectionException.class);

        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/company-traits")))).hasSize(1);
        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/user-traits")))).hasSize(1);
    }

    @Test
    void accountCallsFollowRequestOptions() {
        stub.register(AccountCall.LOOKUP_COMPANY.answers().willReturn(aResponse().withStatus(500)));
        stub.register(AccountCall.FEATURE_USAGE.answers().willReturn(aResponse().withFixedDelay(5_000)));

        assertThatThrownBy(() -> AccountCall.LOOKUP_COMPANY.invoke(accounts.withOptions(
                RequestOptions.defaults().maxRetries(0)))).isInstanceOf(SchematicHttpException.class);
        assertThat(stub.find(AccountCall.LOOKUP_COMPANY.requested())).hasSize(1);

        // the whole-call deadline (200 ms) fires, not the per-attempt timeout (700 ms)
        assertThatThrownBy(() -> AccountCall.FEATURE_USAGE.invoke(accounts.withOptions(
                RequestOptions.timeout(Duration.ofMillis(200))))).isInstanceOf(SchematicTimeoutException.class)
                .hasMessage("featureUsage timed out after PT0.2S");

        assertThatThrownBy(() -> accounts.withOptions(RequestOptions.defaults().maxRetries(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quarkus.schematic.max-retries");
    }
}
