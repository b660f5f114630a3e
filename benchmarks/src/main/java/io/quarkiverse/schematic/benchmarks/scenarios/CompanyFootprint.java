package io.quarkiverse.schematic.benchmarks.scenarios;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.benchmarks.clients.ours.QuarkusSchematic;
import io.quarkiverse.schematic.benchmarks.stub.DataStreamStub;
import io.quarkiverse.schematic.benchmarks.stub.StubSchematic;
import io.quarkiverse.schematic.rules.RulesCompany;

/**
 * Bytes of heap one cached company retains (the benchmark company: 10 traits, 5 metrics, 3 entitlements, 2 plans),
 * by heap difference over {@value #COMPANIES} instances, measured twice: parsed {@code RulesCompany} objects held in an
 * array, and companies replicated into the running extension's cache over a DataStream stub (entity, cache entry, key
 * index). Run with a serial collector for a stable reading, e.g.
 * {@code java -XX:+UseSerialGC -Xmx1g -cp <runner jar> io.quarkiverse.schematic.benchmarks.scenarios.CompanyFootprint}.
 */
public final class CompanyFootprint {

    static final int COMPANIES = 10_000;
    static final int DEFAULT_MAX_COMPANIES = 1000;

    private CompanyFootprint() {
    }

    public static void main(String[] args) throws Exception {
        long parsed = parsed();
        long cached = cached();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "| parsed `RulesCompany` | %,d B |%n", parsed));
        out.append(String.format(Locale.ROOT, "| company cached by local evaluation (entity + cache entry + key index)"
                + " | %,d B |%n", cached));
        out.append(String.format(Locale.ROOT, "| bound for `max-companies=%d` (the default) | %,d KiB |%n",
                DEFAULT_MAX_COMPANIES, cached * DEFAULT_MAX_COMPANIES / 1024));
        System.out.print(out);
    }

    /** Heap per company of parsed entities held in an array. */
    private static long parsed() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String[] sources = new String[COMPANIES];
        for (int i = 0; i < COMPANIES; i++) {
            sources[i] = LocalRulesCheck.companyJson(i);
        }
        long before = usedAfterGc();
        RulesCompany[] companies = new RulesCompany[COMPANIES];
        for (int i = 0; i < COMPANIES; i++) {
            companies[i] = json.readValue(sources[i], RulesCompany.class);
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(companies);
        return (after - before) / COMPANIES;
    }

    /** Heap per company of companies the running extension replicated and cached. */
    private static long cached() throws InterruptedException {
        Map<String, String> companyJson = new HashMap<>();
        for (int i = 0; i < COMPANIES; i++) {
            companyJson.put("acme-" + i, LocalRulesCheck.companyJson(i));
        }
        try (StubSchematic api = StubSchematic.start();
                DataStreamStub dataStream = DataStreamStub.start(List.of(LocalRulesCheck.flagJson()), companyJson)) {
            try {
                return measureCached(api, dataStream);
            } finally {
                QuarkusSchematic.stop();
            }
        }
    }

    private static long measureCached(StubSchematic api, DataStreamStub dataStream) throws InterruptedException {
        SchematicService schematic = QuarkusSchematic.start(Map.of(
                "quarkus.schematic.base-url", api.url(),
                "quarkus.schematic.event-capture-url", api.url(),
                "quarkus.schematic.local-evaluation.enabled", "true",
                "quarkus.schematic.local-evaluation.url", dataStream.url(),
                "quarkus.schematic.local-evaluation.max-companies", Integer.toString(COMPANIES)));
        LocalFlagCheck.replicate(schematic, Map.of("id", "acme-0"));
        schematic.flush();
        long before = usedAfterGc();
        for (int i = 1; i < COMPANIES; i++) {
            LocalFlagCheck.replicate(schematic, Map.of("id", "acme-" + i));
        }
        // the flag_check events of these checks are not part of a cached company
        schematic.flush();
        long after = usedAfterGc();
        return (after - before) / (COMPANIES - 1);
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
