package io.quarkiverse.schematic.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Malformed values fail start-up, each named, and the API key is not echoed.
 */
class MalformedConfigTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.schematic.api-key", SchematicStub.API_KEY)
            .overrideConfigKey("quarkus.schematic.base-url", "api.schematichq.com")
            .overrideConfigKey("quarkus.schematic.timeout", "-1s")
            .overrideConfigKey("quarkus.schematic.max-retries", "-3")
            // the capture service takes at most 100 events per request
            .overrideConfigKey("quarkus.schematic.events.max-batch-size", "101")
            .assertException(failure -> {
                String messages = MissingApiKeyTest.messagesOf(failure);
                assertThat(messages).contains("quarkus.schematic.base-url")
                        .contains("quarkus.schematic.timeout")
                        .contains("quarkus.schematic.max-retries")
                        .contains("quarkus.schematic.events.max-batch-size must be between 1 and 100")
                        .doesNotContain(SchematicStub.API_KEY);
            });

    @Test
    void startupFails() {
        // assertException above checks the failure
    }
}
