package io.quarkiverse.schematic.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Online without an API key (and without the dev service, which would supply one): start-up fails, naming the
 * property and the offline switch.
 */
class MissingApiKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.schematic.devservices.enabled", "false")
            .assertException(failure -> {
                String messages = messagesOf(failure);
                assertThat(messages).contains("quarkus.schematic.api-key").contains("quarkus.schematic.offline");
            });

    static String messagesOf(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void startupFails() {
        // assertException above checks the failure
    }
}
