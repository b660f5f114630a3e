package io.quarkiverse.schematic.test.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * An annotated resource with no secret must not start: it would otherwise reject (or worse, pass) every delivery.
 */
class WebhookMissingSecretTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(MixedResource.class, StartupFailures.class))
            .overrideConfigKey("quarkus.schematic.offline", "true")
            .assertException(e -> assertThat(StartupFailures.configurationError(e))
                    .hasMessageContaining("quarkus.schematic.webhook.secret is required")
                    .hasMessageContaining(MixedResource.class.getName() + "#signed"));

    @Test
    void startUpFails() {
        fail("The application must not start without quarkus.schematic.webhook.secret");
    }
}
