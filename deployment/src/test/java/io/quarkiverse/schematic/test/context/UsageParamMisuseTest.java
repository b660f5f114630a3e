package io.quarkiverse.schematic.test.context;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.RequiresFlag;
import io.quarkiverse.schematic.deployment.InvalidSchematicAnnotationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A preflight gate whose usageParam names no parameter, or a parameter that is not a number: the build fails naming
 * each method.
 */
class UsageParamMisuseTest {

    @ApplicationScoped
    public static class MisusedExports {
        @RequiresFlag(value = "exports", usageParam = "rows")
        public String unknown(long count) {
            return "never gated";
        }

        @RequiresFlag(value = "exports", usageParam = "rows")
        public String notANumber(String rows) {
            return "never gated";
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(MisusedExports.class, BuildFailures.class))
            .overrideConfigKey("quarkus.schematic.offline", "true")
            .assertException(failure -> assertThat(
                    BuildFailures.all(failure, InvalidSchematicAnnotationException.class))
                    .extracting(Throwable::getMessage)
                    .anySatisfy(message -> assertThat(message).contains(MisusedExports.class.getName() + "#unknown()",
                            "usageParam = \"rows\"", "long count"))
                    .anySatisfy(message -> assertThat(message)
                            .contains(MisusedExports.class.getName() + "#notANumber()", "String rows")));

    @Test
    void buildFails() {
        // the assertion is in assertException
    }
}
