package io.quarkiverse.schematic.openfeature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.Value;

/**
 * The documented convention from an evaluation context to company and user keys.
 */
class ContextMappingTest {

    private final ContextMapping mapping = ContextMapping.defaults();

    private static Value structure(Map<String, Value> entries) {
        return new Value(new ImmutableStructure(entries));
    }

    @Test
    void dottedAttributesNestedStructuresAndTheTargetingKey() {
        ContextMapping.Keys keys = mapping.map(new ImmutableContext("jane", Map.of(
                "company.id", new Value("acme"),
                "company", structure(Map.of("region", new Value("eu"), "number", new Value(42))),
                "user.email", new Value("jane@acme.com"),
                "user", structure(Map.of("seat", new Value(7.0))),
                "plan", new Value("pro"),
                "companyish", new Value("ignored"))));

        assertThat(keys.valid()).isTrue();
        assertThat(keys.company()).isEqualTo(Map.of("id", "acme", "region", "eu", "number", "42"));
        assertThat(keys.user()).isEqualTo(Map.of("id", "jane", "email", "jane@acme.com", "seat", "7"));
    }

    @Test
    void noContextAndAnEmptyContextGiveNoKeys() {
        assertThat(mapping.map(null)).isEqualTo(new ContextMapping.Keys(Map.of(), Map.of(), null));
        assertThat(mapping.map(new ImmutableContext())).isEqualTo(new ContextMapping.Keys(Map.of(), Map.of(), null));
        assertThat(mapping.map(new ImmutableContext(" ")).user()).isEmpty();
    }

    @Test
    void theTargetingKeyCanBeAnotherUserKeyOrACompanyKey() {
        assertThat(ContextMapping.targetingKeyAs("user.email").map(new ImmutableContext("jane@acme.com")).user())
                .isEqualTo(Map.of("email", "jane@acme.com"));
        ContextMapping.Keys tenant = ContextMapping.targetingKeyAs("company.id").map(new ImmutableContext("acme"));
        assertThat(tenant.company()).isEqualTo(Map.of("id", "acme"));
        assertThat(tenant.user()).isEmpty();
    }

    @Test
    void theSameValueTwiceIsFineButTwoValuesForOneKeyAreInvalid() {
        assertThat(mapping.map(new ImmutableContext("jane", Map.of("user.id", new Value("jane")))).user())
                .isEqualTo(Map.of("id", "jane"));

        ContextMapping.Keys contradiction = mapping.map(new ImmutableContext("jane",
                Map.of("user.id", new Value("joe"))));

        assertThat(contradiction.valid()).isFalse();
        assertThat(contradiction.invalid()).contains("targeting key").contains("contradicts");
        assertThat(contradiction.company()).isEmpty();
        assertThat(contradiction.user()).isEmpty();
    }

    @Test
    void badShapesAreInvalidNamingTheAttributeNeverAnException() {
        Map<String, Value> bad = Map.of(
                "company", new Value("acme"),
                "user", new Value(List.of(new Value("x"))),
                "company.id", new Value(true),
                "user.id", new Value(""),
                "company.region", new Value(1.5),
                "user.tags", structure(Map.of("a", new Value("b"))),
                "company.nothing", new Value());
        for (Map.Entry<String, Value> attribute : bad.entrySet()) {
            ContextMapping.Keys keys = mapping.map(new ImmutableContext(Map.of(attribute.getKey(), attribute.getValue())));

            assertThat(keys.valid()).as(attribute.getKey()).isFalse();
            assertThat(keys.invalid()).contains("'" + attribute.getKey() + "'");
        }
        MutableContext nested = new MutableContext();
        nested.add("user", new ImmutableStructure(Map.of("id", structure(Map.of()))));
        assertThat(mapping.map(nested).invalid()).contains("'user.id'");
    }

    @Test
    void aBadTargetingKeyDestinationIsRejectedNamingTheArgument() {
        for (String bad : new String[] { null, "", "id", "user", "user.", "company. ", "account.id" }) {
            assertThatThrownBy(() -> ContextMapping.targetingKeyAs(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetingKeyAs");
        }
    }
}
