package io.quarkiverse.schematic.docs.snippets.localevaluation;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesEngine;
import io.quarkiverse.schematic.rules.RulesFlag;
import io.quarkiverse.schematic.rules.RulesResult;

/** docs/local-evaluation.md, "Debugging an answer with RulesEngine": replays dumped DataStream entities. */
public final class RulesDebugging {

    private RulesDebugging() {
    }

    /** Runs the documented snippet on the dumps in this folder and returns what it prints. */
    public static String explain(Path dumps) throws IOException {
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
}
