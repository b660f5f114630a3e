package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.schematic.CheckContext;
import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.CompanyFlags;
import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.ReactiveSchematicAccounts;
import io.quarkiverse.schematic.ReactiveSchematicService;
import io.quarkiverse.schematic.RequestOptions;
import io.quarkiverse.schematic.SchematicClientErrorException;
import io.quarkiverse.schematic.SchematicHttpException;
import io.quarkiverse.schematic.SchematicTimeoutException;
import io.quarkiverse.schematic.TraitUpdate;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The reactive service behaves like the blocking one and never blocks the event loop.
 */
class ReactiveServiceTest {

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            .overrideConfigKey("quarkus.schematic.cache.enabled", "false")
            .overrideConfigKey("quarkus.schematic.circuit-breaker.enabled", "false")
            .overrideConfigKey("quarkus.schematic.timeout", "3s");

    @Inject
    ReactiveSchematicService reactive;

    @Inject
    ReactiveSchematicAccounts accounts;

    @Inject
    Vertx vertx;

    final WireMock stub = SchematicStub.client();

    @BeforeEach
    void reset() {
        stub.resetMappings();
        stub.resetRequests();
    }

    @Test
    void checksFlagsOnTheEventLoopWhileItKeepsServingOtherWork() throws Exception {
        stub.register(post(urlPathEqualTo("/flags/beta/check")).willReturn(SchematicStub.json(
                SchematicStub.flagJson("beta", true)).withFixedDelay(400)));
        CompletableFuture<FlagCheck> answer = new CompletableFuture<>();
        CompletableFuture<Long> timerFiredAt = new CompletableFuture<>();
        CompletableFuture<String> callerThread = new CompletableFuture<>();
        // a timer set outside any context runs on an event-loop context
        vertx.setTimer(1, ignored -> {
            callerThread.complete(Thread.currentThread().getName());
            reactive.checkFlagDetails("beta", Map.of("id", "acme"), null)
                    .subscribe().with(answer::complete, answer::completeExceptionally);
            // a blocked event loop could not fire this timer while the check is in flight
            vertx.setTimer(50, id -> timerFiredAt.complete(System.nanoTime()));
        });

        assertThat(callerThread.get(5, TimeUnit.SECONDS)).contains("eventloop");
        FlagCheck check = answer.get(5, TimeUnit.SECONDS);
        long answeredAt = System.nanoTime();
        assertThat(check.value()).as(check.toString()).isTrue();
        assertThat(check.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(timerFiredAt.get(1, TimeUnit.SECONDS)).isLessThan(answeredAt);
    }

    @Test
    void preflightAndBulkChecksWorkReactively() {
        stub.register(post(urlPathEqualTo("/flags/exports/check")).willReturn(SchematicStub.json(
                SchematicStub.flagJson("exports", false))));
        stub.register(post(urlPathEqualTo("/flags/check-bulk")).willReturn(SchematicStub.json(
                "{\"data\":{\"data\":[{\"flags\":[" + SchematicStub.flagData("a", true) + "]}]}}")));

        FlagCheck check = reactive.checkFlagDetails("exports", Map.of("id", "acme"), null, Preflight.usage(500))
                .await().atMost(Duration.ofSeconds(5));
        Boolean allowed = reactive.checkFlag("exports", Map.of("id", "acme"), null, Preflight.usage(500))
                .await().atMost(Duration.ofSeconds(5));
        List<CompanyFlags> bulk = reactive.checkFlagsBulk(List.of(CheckContext.company(Map.of("id", "acme"))))
                .await().atMost(Duration.ofSeconds(5));

        assertThat(check.value()).isFalse();
        assertThat(check.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(allowed).isFalse();
        assertThat(bulk).singleElement().satisfies(answer -> assertThat(answer.value("a")).isTrue());
        stub.verifyThat(2, postRequestedFor(urlPathEqualTo("/flags/exports/check")).withRequestBody(equalToJson(
                "{\"company\":{\"id\":\"acme\"},\"preflight\":{\"usage\":500}}")));
        assertThatThrownBy(() -> reactive.checkFlagDetails("exports", Map.of(), Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preflight");
    }

    @Test
    void upsertErrorsArriveAsTypedFailures() {
        stub.register(post(urlPathEqualTo("/companies")).willReturn(aResponse().withStatus(503)));

        Throwable failure = reactive.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme")))
                .onItem().<Throwable> transform(company -> null)
                .onFailure().recoverWithItem(t -> t)
                .await().atMost(Duration.ofSeconds(5));

        assertThat(failure).isExactlyInstanceOf(SchematicHttpException.class);
        assertThat(((SchematicHttpException) failure).statusCode()).isEqualTo(503);
    }

    @Test
    void perRequestTimeoutAppliesToUni() {
        stub.register(post(urlPathEqualTo("/companies")).willReturn(aResponse().withFixedDelay(3_000).withStatus(200)));

        Throwable failure = reactive.withOptions(RequestOptions.timeout(Duration.ofMillis(150)))
                .upsertCompany(CompanyUpsert.keys(Map.of("id", "acme")))
                .onItem().<Throwable> transform(company -> null)
                .onFailure().recoverWithItem(t -> t)
                .await().atMost(Duration.ofSeconds(2));

        assertThat(failure).isInstanceOf(SchematicTimeoutException.class);
    }

    @Test
    void bulkChecksKeepTheRequestedOrder() {
        stub.register(post(urlPathEqualTo("/flags/check")).willReturn(SchematicStub.json("{\"data\":{\"flags\":["
                + SchematicStub.flagData("a", true) + "," + SchematicStub.flagData("b", false) + "]}}")));

        List<FlagCheck> checks = reactive.checkFlags(List.of("b", "missing", "a"), Map.of("id", "acme"), null)
                .await().atMost(Duration.ofSeconds(5));

        assertThat(checks).extracting(FlagCheck::flag).containsExactly("b", "missing", "a");
        assertThat(checks).extracting(FlagCheck::source)
                .containsExactly(FlagSource.REMOTE, FlagSource.DEFAULT, FlagSource.REMOTE);
    }

    @Test
    void accountCallsRunOnTheEventLoopWhenSubscribed() throws Exception {
        stub.register(get(urlPathEqualTo("/companies/lookup")).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":\"Not found\"}").withFixedDelay(200)));
        Uni<Optional<Company>> lookup = accounts.lookupCompany(Map.of("id", "nobody"));
        assertThat(stub.find(getRequestedFor(urlPathEqualTo("/companies/lookup")))).as("nothing before subscription")
                .isEmpty();

        CompletableFuture<Optional<Company>> answer = new CompletableFuture<>();
        CompletableFuture<String> callerThread = new CompletableFuture<>();
        vertx.setTimer(1, ignored -> {
            callerThread.complete(Thread.currentThread().getName());
            lookup.subscribe().with(answer::complete, answer::completeExceptionally);
        });

        assertThat(callerThread.get(5, TimeUnit.SECONDS)).contains("eventloop");
        assertThat(answer.get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(stub.find(getRequestedFor(urlPathEqualTo("/companies/lookup")))).hasSize(1);
    }

    @Test
    void accountCallArgumentsAreCheckedAtTheCall() {
        assertThatThrownBy(() -> accounts.featureUsage(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("company must contain at least one key");
        assertThatThrownBy(() -> accounts.updateUserTrait(Map.of("email", "jane@acme.com"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("update must not be null");
    }

    @Test
    void accountCallFailuresArriveTyped() {
        stub.register(post(urlPathEqualTo("/company-traits")).willReturn(aResponse().withStatus(422)
                .withBody("{\"error\":\"trait is not numeric\"}")));

        Throwable failure = accounts.withOptions(RequestOptions.defaults().maxRetries(0))
                .updateCompanyTrait(Map.of("id", "acme"), TraitUpdate.increment("plan", 1))
                .onItem().<Throwable> transform(company -> null)
                .onFailure().recoverWithItem(t -> t)
                .await().atMost(Duration.ofSeconds(5));

        assertThat(failure).isExactlyInstanceOf(SchematicClientErrorException.class);
        assertThat(((SchematicHttpException) failure).statusCode()).isEqualTo(422);
    }
}
