package io.quarkiverse.schematic.test.context;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.RequiresFlag;
import io.quarkiverse.schematic.deployment.InvalidSchematicAnnotationException;
import io.quarkus.test.QuarkusUnitTest;

/** A gate on a static method cannot be intercepted: the build fails naming the method. */
class GateMisuseTest {

    @ApplicationScoped
    public static class StaticGate {
        @RequiresFlag("exports")
        public static String export() {
            return "never gated";
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(StaticGate.class, BuildFailures.class))
            .overrideConfigKey("quarkus.schematic.offline", "true")
            .assertException(failure -> assertThat(
                    BuildFailures.find(failure, InvalidSchematicAnnotationException.class).getMessage())
                    .contains(StaticGate.class.getName() + "#export()", "static"));

    @Test
    void buildFails() {
        // the assertion is in assertException
    }
}
