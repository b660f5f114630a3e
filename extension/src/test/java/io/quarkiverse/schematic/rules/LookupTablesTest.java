package io.quarkiverse.schematic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The lookups a check makes: resource ids (scanned or hashed) and tables of canonical keys. */
class LookupTablesTest {

    @Test
    void fewResourceIdsAreFoundByValueWhateverTheInstance() {
        ResourceIds ids = new ResourceIds(List.of("plan_a", "plan_b", "plan_c"));

        assertThat(ids.contains(new String("plan_b"))).isTrue();
        assertThat(ids.contains("plan_d")).isFalse();
        assertThat(ids.contains(null)).isFalse();
        assertThat(ids.containsAny(new String[] { "plan_x", new String("plan_c") })).isTrue();
        assertThat(ids.containsAny(new String[0])).isFalse();
    }

    @Test
    void manyResourceIdsAreHashed() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < ResourceIds.SCANNED * 3; i++) {
            many.add("comp_" + i);
        }
        ResourceIds ids = new ResourceIds(many);

        assertThat(ids.contains(new String("comp_20"))).isTrue();
        assertThat(ids.contains("comp_" + many.size())).isFalse();
    }

    @Test
    void referenceTableFindsCanonicalKeysAmongCollidingOnes() {
        // "Aa" and "BB" share a hash code: the second is found by probing past the first
        Map<String, Integer> entries = new LinkedHashMap<>();
        entries.put("Aa".intern(), 1);
        entries.put("BB".intern(), 2);
        entries.put("trd_region".intern(), 3);
        ReferenceTable<String, Integer> table = ReferenceTable.of(entries);

        assertThat(table.get(Interned.of(new String("Aa")))).isEqualTo(1);
        assertThat(table.get(Interned.of(new String("BB")))).isEqualTo(2);
        assertThat(table.get(Interned.of(new String("trd_region")))).isEqualTo(3);
        assertThat(table.get("C#")).isNull(); // same hash again, absent
        assertThat(table.get("missing")).isNull();
        assertThat(ReferenceTable.<String, Integer> of(Map.of()).get("Aa")).isNull();
    }

    @Test
    void metricKeysAreCanonical() {
        MetricKey condition = MetricKey.lookingFor("api-calls", null, null);
        MetricKey metric = MetricKey.of(new String("api-calls"), new String("all_time"),
                new String("first_of_month"));

        assertThat(condition).isSameAs(metric);
        assertThat(ReferenceTable.of(Map.of(metric, 5L)).get(condition)).isEqualTo(5L);
    }
}
