package io.quarkiverse.schematic.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.docs.snippets.localevaluation.RulesDebugging;

/** The debugging snippet of docs/local-evaluation.md prints what the page says, on the rules engine's test dumps. */
class RulesDebuggingTest {

    @Test
    void theSnippetExplainsTheAnswer() throws Exception {
        assertThat(RulesDebugging.explain(DocPagesTest.ROOT.resolve("extension/src/test/resources/rules")))
                .isEqualTo("""
                        false: No rules matched; default value for flag
                        usage 100 of 100
                        true
                        """);
    }
}
