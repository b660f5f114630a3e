package io.quarkiverse.schematic.openfeature;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvent;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import io.quarkiverse.schematic.FlagChanged;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicService;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The provider as OpenFeature's default provider, registered at start-up, evaluated through OpenFeature's own client
 * against a real HTTP server playing Schematic.
 */
class SchematicProviderTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            // this module's classes are the application root here; as a dependency, its beans.xml makes them beans
            .withApplicationRoot(jar -> jar.addPackage(SchematicProvider.class.getPackage()))
            .setBeforeAllCustomizer(FlagServer::start)
            .setAfterAllCustomizer(FlagServer::stop)
            .overrideConfigKey("quarkus.schematic.api-key", "sch_test_key_0123456789abcdef")
            .overrideConfigKey("quarkus.schematic.base-url", FlagServer.BASE_URL)
            .overrideConfigKey("quarkus.schematic.event-capture-url", FlagServer.BASE_URL)
            // every check goes over the wire, so that each test sees its own requests
            .overrideConfigKey("quarkus.schematic.cache.enabled", "false")
            .overrideConfigKey("quarkus.schematic.max-retries", "0")
            // not the default (user.id), to show the setting reaches the provider
            .overrideConfigKey(SchematicProviderProducer.TARGETING_KEY_AS, "user.key");

    private static final String STANDARD_RULE = "{\"flag\":\"beta\",\"value\":true,\"reason\":\"Matched rule\","
            + "\"flag_id\":\"flag_1\",\"company_id\":\"comp_1\",\"user_id\":\"user_1\",\"rule_id\":\"rule_1\","
            + "\"rule_type\":\"standard\"}";

    @Inject
    SchematicService schematic;

    @Inject
    SchematicProvider provider;

    @Inject
    Event<FlagChanged> flagChanges;

    final WireMock stub = FlagServer.client();
    final Client client = OpenFeatureAPI.getInstance().getClient();

    @BeforeEach
    void reset() {
        stub.resetMappings();
        stub.resetRequests();
    }

    private static EvaluationContext acme() {
        return new ImmutableContext(Map.of("company.id", new Value("acme")));
    }

    @Test
    void registeredAsTheDefaultProviderAtStartUp() {
        assertThat(OpenFeatureAPI.getInstance().getProvider()).isSameAs(provider);
        assertThat(OpenFeatureAPI.getInstance().getProviderMetadata().getName()).isEqualTo("Schematic");
    }

    @Test
    void anEvaluationAgreesWithSchematicServiceForTheSameFlagAndKeys() {
        FlagServer.answer(stub, "beta", STANDARD_RULE);

        FlagEvaluationDetails<Boolean> details = client.getBooleanDetails("beta", false, acme());
        FlagCheck check = schematic.checkFlagDetails("beta", Map.of("id", "acme"), Map.of());

        assertThat(details.getValue()).isTrue().isEqualTo(check.value());
        assertThat(details.getReason()).isEqualTo(SchematicProvider.reason(check).name());
        assertThat(details.getVariant()).isEqualTo("on");
        assertThat(details.getErrorCode()).isNull();
        assertThat(details.getFlagMetadata()).isEqualTo(FlagMetadataKeys.of(check));
        assertThat(details.getFlagMetadata().getString(FlagMetadataKeys.FLAG_ID)).isEqualTo("flag_1");
        assertThat(details.getFlagMetadata().getString(FlagMetadataKeys.RULE_ID)).isEqualTo("rule_1");
        assertThat(details.getFlagMetadata().getString(FlagMetadataKeys.SOURCE)).isEqualTo("REMOTE");
        assertThat(details.getFlagMetadata().getString(FlagMetadataKeys.COMPANY_ID)).isEqualTo("comp_1");
        assertThat(details.getFlagMetadata().getString(FlagMetadataKeys.USER_ID)).isEqualTo("user_1");
        // both evaluations asked Schematic with the same keys
        stub.verifyThat(2, postRequestedFor(urlPathEqualTo("/flags/beta/check"))
                .withRequestBody(equalToJson("{\"company\":{\"id\":\"acme\"}}")));
    }

    @Test
    void theContextIsMappedToCompanyAndUserKeysOnTheWire() {
        FlagServer.answer(stub, "beta", STANDARD_RULE);
        EvaluationContext context = new ImmutableContext("jane", Map.of(
                "company.id", new Value("acme"),
                "company", new Value(new ImmutableStructure(Map.of("region", new Value("eu")))),
                "user", new Value(new ImmutableStructure(Map.of("email", new Value("jane@acme.com")))),
                "user.seat", new Value(7),
                "plan", new Value("ignored: not a company or user attribute")));

        assertThat(client.getBooleanValue("beta", false, context)).isTrue();

        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/beta/check")).withRequestBody(equalToJson(
                "{\"company\":{\"id\":\"acme\",\"region\":\"eu\"},"
                        + "\"user\":{\"key\":\"jane\",\"email\":\"jane@acme.com\",\"seat\":\"7\"}}")));
    }

    @Test
    void anInvalidContextIsReportedWithoutARequest() {
        EvaluationContext context = new ImmutableContext(Map.of("company", new Value("acme")));

        FlagEvaluationDetails<Boolean> details = client.getBooleanDetails("beta", true, context);

        assertThat(details.getValue()).isTrue();
        assertThat(details.getReason()).isEqualTo(Reason.ERROR.name());
        assertThat(details.getErrorCode()).isEqualTo(ErrorCode.INVALID_CONTEXT);
        assertThat(details.getErrorMessage()).contains("'company'");
        stub.verifyThat(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void schematicDownAnswersTheCallSiteDefaultWithAGeneralError() {
        stub.register(post(urlPathEqualTo("/flags/beta/check")).willReturn(aResponse().withStatus(503)));

        FlagEvaluationDetails<Boolean> details = client.getBooleanDetails("beta", true, acme());
        FlagCheck check = schematic.checkFlagDetails("beta", Map.of("id", "acme"), null);

        assertThat(check.source()).isEqualTo(FlagSource.DEFAULT);
        assertThat(details.getValue()).isTrue();
        assertThat(details.getReason()).isEqualTo(Reason.ERROR.name());
        assertThat(details.getErrorCode()).isEqualTo(ErrorCode.GENERAL);
        assertThat(details.getErrorMessage()).isNotBlank();
        stub.verifyThat(2, postRequestedFor(urlPathEqualTo("/flags/beta/check")));
    }

    @Test
    void nonBooleanEvaluationsAreTypeMismatchesWithoutARequest() {
        FlagServer.answer(stub, "beta", STANDARD_RULE);

        FlagEvaluationDetails<String> text = client.getStringDetails("beta", "x", acme());
        FlagEvaluationDetails<Integer> integer = client.getIntegerDetails("beta", 3, acme());
        FlagEvaluationDetails<Double> number = client.getDoubleDetails("beta", 1.5, acme());
        FlagEvaluationDetails<Value> object = client.getObjectDetails("beta", new Value("v"), acme());

        assertThat(List.of(text.getErrorCode(), integer.getErrorCode(), number.getErrorCode(), object.getErrorCode()))
                .containsOnly(ErrorCode.TYPE_MISMATCH);
        assertThat(text.getValue()).isEqualTo("x");
        assertThat(integer.getValue()).isEqualTo(3);
        assertThat(number.getValue()).isEqualTo(1.5);
        assertThat(object.getValue()).isEqualTo(new Value("v"));
        stub.verifyThat(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void entitlementAnswersCarryTheSameMetadataAsSchematicServiceGives() {
        FlagServer.answer(stub, "seats", "{\"flag\":\"seats\",\"value\":true,\"reason\":\"Plan entitlement\","
                + "\"flag_id\":\"flag_2\",\"rule_id\":\"rule_2\",\"rule_type\":\"plan_entitlement\","
                + "\"entitlement\":{\"feature_id\":\"feat_1\",\"feature_key\":\"seats\",\"value_type\":\"numeric\","
                + "\"allocation\":10,\"usage\":8,\"soft_limit\":9,\"metric_period\":\"current_month\"}}");

        FlagEvaluationDetails<Boolean> details = client.getBooleanDetails("seats", false, acme());
        FlagCheck check = schematic.checkFlagDetails("seats", Map.of("id", "acme"), null);

        assertThat(details.getValue()).isTrue().isEqualTo(check.value());
        assertThat(details.getReason()).isEqualTo("TARGETING_MATCH").isEqualTo(SchematicProvider.reason(check).name());
        assertThat(details.getFlagMetadata()).isEqualTo(FlagMetadataKeys.of(check));
        assertThat(details.getFlagMetadata().getString(FlagMetadataKeys.RULE_ID)).isEqualTo("rule_2");
        assertThat(details.getFlagMetadata().getLong(FlagMetadataKeys.ALLOCATION)).isEqualTo(10L);
        assertThat(details.getFlagMetadata().getLong(FlagMetadataKeys.USAGE)).isEqualTo(8L);
        assertThat(details.getFlagMetadata().getLong(FlagMetadataKeys.REMAINING)).isEqualTo(2L);
    }

    @Test
    void changedFlagsReachOpenFeatureHandlers() {
        List<EventDetails> events = new CopyOnWriteArrayList<>();
        Consumer<EventDetails> handler = events::add;
        OpenFeatureAPI.getInstance().onProviderConfigurationChanged(handler);
        try {
            provider.flagsChanged(Set.of("beta", "seats"));
            provider.flagsChanged(Set.of());

            await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getFlagsChanged()).containsExactlyInAnyOrder("beta", "seats");
            assertThat(events.get(0).getProviderName()).isEqualTo("Schematic");

            // what local evaluation fires when the DataStream changes a flag reaches OpenFeature's handlers too
            flagChanges.fire(new FlagChanged("beta", FlagChanged.Kind.CHANGED));
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
            assertThat(events.get(1).getFlagsChanged()).containsExactly("beta");
        } finally {
            OpenFeatureAPI.getInstance().removeHandler(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED, handler);
        }
    }
}
