package io.quarkiverse.schematic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.schematic.Preflight;

/**
 * The snippet of docs/local-evaluation.md, "Debugging an answer with RulesEngine", compiled and run against the dumped
 * entities in {@code src/test/resources/rules}. Keep the two in step.
 */
class DebuggingDocTest {

    /** The documented snippet (between the markers), returning what it prints. */
    static String explain(Path dumps) throws IOException {
        StringBuilder out = new StringBuilder();
        // tag::debugging[]
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        RulesFlag flag = mapper.readValue(dumps.resolve("flag.json").toFile(), RulesFlag.class);
        RulesCompany company = mapper.readValue(dumps.resolve("company.json").toFile(), RulesCompany.class);

        RulesResult result = RulesEngine.checkFlag(flag, company, null, null);
        out.append(result.value()).append(": ").append(result.reason()).append('\n');
        if (result.entitlement() != null) {
            out.append("usage ").append(result.entitlement().usage())
                    .append(" of ").append(result.entitlement().allocation()).append('\n');
        }

        // would one more export be allowed if the company had used 10 fewer?
        RulesCompany lessUsed = company.withMetricIncremented("export", -10);
        out.append(RulesEngine.checkFlag(flag, lessUsed, null, Preflight.usage(1)).value()).append('\n');
        // end::debugging[]
        return out.toString();
    }

    @Test
    void theSnippetExplainsTheAnswer() throws Exception {
        assertThat(explain(dumps())).isEqualTo("""
                false: No rules matched; default value for flag
                usage 100 of 100
                true
                """);
    }

    private static Path dumps() throws URISyntaxException {
        return Path.of(DebuggingDocTest.class.getResource("/rules/flag.json").toURI()).getParent();
    }
}
