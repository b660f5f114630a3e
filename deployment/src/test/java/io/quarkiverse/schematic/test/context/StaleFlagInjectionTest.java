package io.quarkiverse.schematic.test.context;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.SchematicFlag;
import io.quarkiverse.schematic.deployment.InvalidSchematicAnnotationException;
import io.quarkus.test.QuarkusUnitTest;

/** A flag injected into a plain boolean would go stale: the build fails saying so. */
class StaleFlagInjectionTest {

    @ApplicationScoped
    public static class StaleBean {
        @Inject
        @SchematicFlag("beta")
        boolean beta;
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(StaleBean.class, BuildFailures.class))
            .overrideConfigKey("quarkus.schematic.offline", "true")
            .assertException(failure -> assertThat(
                    BuildFailures.find(failure, InvalidSchematicAnnotationException.class).getMessage())
                    .contains(StaleBean.class.getName() + "#beta", "stale", "FlagValue"));

    @Test
    void buildFails() {
        // the assertion is in assertException
    }
}
