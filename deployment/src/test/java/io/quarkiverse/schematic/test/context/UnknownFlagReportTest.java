package io.quarkiverse.schematic.test.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.RequiresFlag;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A gate on a flag that neither {@code quarkus.schematic.flag-defaults} nor the dev service's flags know is reported
 * by the build, naming the method and the flag; gates on flags of either list are not. (When both lists are empty
 * nothing is reported: {@link TokenEndpointTest} asserts it.)
 */
class UnknownFlagReportTest {

    static final String PROCESSOR = "io.quarkiverse.schematic.deployment.SchematicAnnotationProcessor";

    @ApplicationScoped
    public static class Gates {
        @RequiresFlag("beta")
        public String fromDevService() {
            return "beta";
        }

        @RequiresFlag("exports")
        public String fromDefaults() {
            return "exports";
        }

        @RequiresFlag("exprots")
        public String misspelled() {
            return "typo";
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gates.class))
            // offline: the dev service's flags are known at build time, no dev service starts
            .overrideConfigKey("quarkus.schematic.offline", "true")
            .overrideConfigKey("quarkus.schematic.devservices.flags.beta", "true")
            .overrideConfigKey("quarkus.schematic.flag-defaults.exports", "true")
            .setLogRecordPredicate(record -> PROCESSOR.equals(record.getLoggerName()))
            .assertLogRecords(records -> {
                assertThat(records).hasSize(1);
                assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
                assertThat(((ExtLogRecord) records.get(0)).getFormattedMessage()).contains("@RequiresFlag(\"exprots\")",
                        Gates.class.getName() + "#misspelled()", "quarkus.schematic.flag-defaults",
                        "quarkus.schematic.devservices.flags", "known: beta, exports");
            });

    @Inject
    Gates gates;

    @Test
    void theApplicationStillStartsAndTheGatesWork() {
        // offline: the defaults decide; exports is on, a flag without default is off
        assertThat(gates.fromDefaults()).isEqualTo("exports");
    }
}
