package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.runtime.devui.SchematicDevUiService;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With a real API key the dev service stays off, even with flags configured for it: the extension talks to the
 * configured base URL.
 */
class DevServiceNotStartedTest {

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            .overrideConfigKey("quarkus.schematic.cache.enabled", "false")
            .overrideConfigKey("quarkus.schematic.devservices.flags.\"beta\"", "false")
            .setLogRecordPredicate(record -> record.getLoggerName().endsWith("DevServicesProcessor"))
            .assertLogRecords(records -> assertThat(records)
                    .noneSatisfy(record -> assertThat(record.getMessage()).contains("dev service runs")));

    @Inject
    SchematicService schematic;

    @Inject
    SchematicDevUiService devUi;

    @Test
    void extensionTalksToTheConfiguredServer() {
        WireMock stub = SchematicStub.client();
        SchematicStub.flag(stub, "beta", true);

        assertThat(schematic.checkFlag("beta")).isTrue();

        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/beta/check"))
                .withHeader(SchematicStub.API_KEY_HEADER, equalTo(SchematicStub.API_KEY)));
        assertThat(ConfigProvider.getConfig().getValue("quarkus.schematic.base-url", String.class))
                .startsWith("http://localhost:");
    }

    @Test
    void devUiShowsNoDevServiceAndNeverTheKey() {
        assertThat(devUi.isDevServiceRunning()).isFalse();
        assertThat(devUi.getConfiguration()).contains(Map.of("property", "quarkus.schematic.api-key",
                "value", "set (hidden)"));
        assertThat(devUi.getConfiguration().toString()).doesNotContain(SchematicStub.API_KEY);
        assertThat(devUi.getFlags()).asList().isEmpty();
        assertThatThrownBy(() -> devUi.setFlag("beta", true)).isInstanceOf(IllegalStateException.class);
    }
}
