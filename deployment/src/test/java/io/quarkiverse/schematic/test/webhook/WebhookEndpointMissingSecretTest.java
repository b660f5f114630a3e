package io.quarkiverse.schematic.test.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The built-in endpoint with no secret must not start either.
 */
class WebhookEndpointMissingSecretTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(StartupFailures.class))
            .overrideConfigKey("quarkus.schematic.offline", "true")
            .overrideConfigKey("quarkus.schematic.webhook.path", "/schematic/webhook")
            .assertException(e -> assertThat(StartupFailures.configurationError(e))
                    .hasMessageContaining("quarkus.schematic.webhook.secret is required")
                    .hasMessageContaining("the built-in endpoint /schematic/webhook"));

    @Test
    void startUpFails() {
        fail("The application must not start without quarkus.schematic.webhook.secret");
    }
}
