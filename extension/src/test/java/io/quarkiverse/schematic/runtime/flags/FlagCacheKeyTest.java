package io.quarkiverse.schematic.runtime.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FlagCacheKeyTest {

    @Test
    void lookupAndStoredFormsAreEqualWhateverTheEntryOrder() {
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("id", "acme");
        ordered.put("region", "eu");
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("region", "eu");
        reversed.put("id", "acme");

        FlagCacheKey stored = FlagCacheKey.stored("beta", ordered, Map.of("email", "a@x"));
        FlagCacheKey lookup = FlagCacheKey.lookup("beta", reversed, Map.of("email", "a@x"));

        assertThat(lookup).isEqualTo(stored).hasSameHashCodeAs(stored);
        assertThat(stored).isEqualTo(lookup);
        assertThat(FlagCacheKey.stored("beta", reversed, Map.of("email", "a@x"))).isEqualTo(stored);
    }

    @Test
    void anyDifferenceMakesAnotherKey() {
        FlagCacheKey stored = FlagCacheKey.stored("beta", Map.of("id", "acme"), Map.of());

        assertThat(FlagCacheKey.lookup("gamma", Map.of("id", "acme"), Map.of())).isNotEqualTo(stored);
        assertThat(FlagCacheKey.lookup("beta", Map.of("id", "other"), Map.of())).isNotEqualTo(stored);
        assertThat(FlagCacheKey.lookup("beta", Map.of("id", "acme", "x", "y"), Map.of())).isNotEqualTo(stored);
        assertThat(FlagCacheKey.lookup("beta", Map.of(), Map.of("id", "acme"))).isNotEqualTo(stored);
        assertThat(FlagCacheKey.lookup("beta", Map.of("id", "acme"), Map.of("e", "f"))).isNotEqualTo(stored);
    }

    @Test
    void storedKeyIgnoresLaterChangesToTheCallersMap() {
        Map<String, String> company = new HashMap<>(Map.of("id", "acme"));
        FlagCacheKey stored = FlagCacheKey.stored("beta", company, Map.of());
        company.put("id", "changed");

        assertThat(FlagCacheKey.lookup("beta", Map.of("id", "acme"), Map.of())).isEqualTo(stored);
    }
}
