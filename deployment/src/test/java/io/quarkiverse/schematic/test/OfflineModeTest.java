package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.core.RuntimeExceptionMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagDisabledException;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.SchematicAccounts;
import io.quarkiverse.schematic.SchematicOfflineException;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.UserUpsert;
import io.quarkiverse.schematic.runtime.SchematicCore;
import io.quarkiverse.schematic.runtime.gate.FlagValueProducer;
import io.quarkiverse.schematic.runtime.gate.InvalidUsageException;
import io.quarkiverse.schematic.runtime.gate.UsageParameters;
import io.quarkiverse.schematic.runtime.webhook.SchematicWebhookEventReader;
import io.quarkiverse.schematic.runtime.webhook.WebhookRequestFilter;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Offline mode needs no API key and never touches the network, although the URLs point at a recording server.
 */
class OfflineModeTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(SchematicStub.class, AccountCall.class))
            .setBeforeAllCustomizer(SchematicStub::startServer)
            .setAfterAllCustomizer(SchematicStub::stopServer)
            .overrideConfigKey("quarkus.schematic.offline", "true")
            .overrideConfigKey("quarkus.schematic.base-url", "http://localhost:${" + SchematicStub.PORT_PROPERTY + "}")
            .overrideConfigKey("quarkus.schematic.event-capture-url",
                    "http://localhost:${" + SchematicStub.PORT_PROPERTY + "}")
            .overrideConfigKey("quarkus.schematic.events.flush-interval", "10ms")
            .overrideConfigKey("quarkus.schematic.flag-defaults.\"beta\"", "true");

    @Inject
    SchematicService schematic;

    @Inject
    SchematicCore core;

    @Inject
    SchematicAccounts accounts;

    @Test
    void everythingAnswersLocallyWithZeroRequests() {
        FlagCheck beta = schematic.checkFlagDetails("beta", Map.of("id", "acme"), null);
        assertThat(beta.value()).isTrue();
        assertThat(beta.source()).isEqualTo(FlagSource.OFFLINE);
        assertThat(schematic.checkFlag("other")).isFalse();
        assertThat(schematic.checkFlags(List.of("beta", "other"), null, null)).extracting(FlagCheck::value)
                .containsExactly(true, false);
        assertThat(schematic.checkFlags(null, null)).extracting(FlagCheck::flag).containsExactly("beta");

        schematic.identify(Identify.user(Map.of("email", "jane@acme.com")));
        schematic.track(Track.event("api-call").company(Map.of("id", "acme")).quantity(3));
        schematic.flush();
        assertThat(core.events().stats().dropped()).isEqualTo(2);

        assertThatThrownBy(() -> schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))))
                .isInstanceOf(SchematicOfflineException.class).hasMessageContaining("quarkus.schematic.offline");
        assertThatThrownBy(() -> schematic.upsertUser(UserUpsert.keys(Map.of("email", "jane@acme.com"))))
                .isInstanceOf(SchematicOfflineException.class);

        assertThatThrownBy(() -> schematic.checkFlag("beta", Map.of(" ", "acme"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("company");

        // the account calls have no true local answer either
        for (AccountCall call : AccountCall.values()) {
            assertThatThrownBy(() -> call.invoke(accounts)).as(call.name())
                    .isInstanceOf(SchematicOfflineException.class).hasMessageContaining("quarkus.schematic.offline");
        }
        assertThatThrownBy(() -> accounts.lookupCompany(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("company");

        assertThat(SchematicStub.client().find(anyRequestedFor(anyUrl()))).isEmpty();
    }

    /**
     * Nothing here receives webhooks (no @SchematicWebhook resource, no built-in endpoint): neither the verifying
     * filter nor the body reader is set up.
     */
    @Test
    void noWebhookReceiverNoVerifyingFilter() {
        assertThat(Arc.container().select(WebhookRequestFilter.class).isResolvable()).isFalse();
        assertThat(Arc.container().select(SchematicWebhookEventReader.class).isResolvable()).isFalse();
    }

    /**
     * Nothing here uses {@code @RequiresFlag} or {@code @SchematicFlag}: neither the gates' beans (the interceptor
     * needs UsageParameters), nor the usage-parameter exception mapper, nor the flag-value producer are set up;
     * FlagDisabledException is still answered with 403, since applications may throw it themselves.
     * ContextAndGatesTest uses both.
     */
    @Test
    void noGateNoInjectedFlagNoBeansForThem() {
        assertThat(Arc.container().select(UsageParameters.class).isResolvable()).isFalse();
        assertThat(RuntimeExceptionMapper.getMappers()).containsKey(FlagDisabledException.class)
                .doesNotContainKey(InvalidUsageException.class);
        assertThat(Arc.container().select(FlagValueProducer.class).isResolvable()).isFalse();
    }
}
