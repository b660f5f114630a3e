package io.quarkiverse.schematic.test.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A context mapping the application cannot serve (a JWT claim without quarkus-smallrye-jwt) fails start-up, although
 * the resolver is created only with the first request that asks for the context.
 */
class ContextMappingCheckTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(BuildFailures.class))
            .overrideConfigKey("quarkus.schematic.offline", "true")
            .overrideConfigKey("quarkus.schematic.context.company.claim", "org")
            .assertException(failure -> assertThat(BuildFailures.find(failure, ConfigurationException.class).getMessage())
                    .isEqualTo("quarkus.schematic.context.company.claim needs quarkus-smallrye-jwt in the application"));

    @Test
    void startupFails() {
        // the assertion is in assertException
    }
}
