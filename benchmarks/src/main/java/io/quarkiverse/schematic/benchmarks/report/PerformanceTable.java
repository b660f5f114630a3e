package io.quarkiverse.schematic.benchmarks.report;

import static io.quarkiverse.schematic.benchmarks.report.Measurements.bytesPerOp;
import static io.quarkiverse.schematic.benchmarks.report.Measurements.error;
import static io.quarkiverse.schematic.benchmarks.report.Measurements.percentile;
import static io.quarkiverse.schematic.benchmarks.report.Measurements.score;
import static io.quarkiverse.schematic.benchmarks.report.Measurements.secondary;

import java.util.Collection;
import java.util.Locale;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;

/**
 * Renders the tables of docs/performance.md: ours beside its floor with the ratio, then the per-call latency
 * distributions. Rows whose benchmarks were not run (a filtered run) are left out.
 */
public final class PerformanceTable {

    /** The enqueue floor whose events another thread delivers, as ours are while the capture service is up. */
    static final String DELIVERING_FLOOR = "allocate + `ConcurrentLinkedQueue.offer`, another thread delivering the"
            + " batches over Vert.x to the same stub";

    private final Measurements results;
    private final StringBuilder out = new StringBuilder();

    private PerformanceTable(Collection<RunResult> results) {
        this.results = new Measurements(results);
    }

    public static String render(Collection<RunResult> results) {
        return new PerformanceTable(results).render();
    }

    private String render() {
        out.append("| scenario | ours | floor | floor is | ours / floor | ours B/op | floor B/op |\n");
        out.append("|---|---:|---:|---|---:|---:|---:|\n");
        for (int threads = 1; threads <= 2; threads++) {
            String scenario = "cached flag check, " + threads + (threads == 1 ? " thread" : " threads");
            timeRow(scenario, "CachedFlagCheck.ours_t" + threads, "", "CachedFlagCheck.caffeine_t" + threads,
                    "Caffeine `getIfPresent`, precomputed key");
            timeRow(scenario, "CachedFlagCheck.ours_t" + threads, "", "CachedFlagCheck.chm_t" + threads,
                    "`ConcurrentHashMap.get`, precomputed key");
        }
        timeRow("cached flag check, 1 thread", "CachedFlagCheck.ours_t1", "", "CachedFlagCheck.caffeine_keys_t1",
                "Caffeine `getIfPresent`, key of the flag and the caller's two maps (hashed per call)");
        scalingRow();
        timeRow("local rules check (cold: a first check, or the first after a change), flag of 10 rules, same company",
                "LocalRulesCheck.ours", "", "LocalRulesCheck.floor", "`ConcurrentHashMap.get` of flag and company");
        timeRow("local rules check (cold), flag of 10 rules, 1,000 companies in turn", "LocalRulesCheck.ours_1000", "",
                "LocalRulesCheck.floor_1000", "`ConcurrentHashMap.get` of flag and company");
        timeRow("the rules engine alone, flag of 10 rules, flag and company at hand (bounds the ratio above)",
                "LocalRulesCheck.engine", "", "LocalRulesCheck.floor", "`ConcurrentHashMap.get` of flag and company");
        timeRow("local check memoized: the extension's caches and memo, no `SchematicService`, same company",
                "LocalFlagCheck.answers", "", "LocalRulesCheck.floor", "`ConcurrentHashMap.get` of flag and company");
        timeRow("local check memoized: the extension's caches and memo, 1,000 companies in turn",
                "LocalFlagCheck.answers_1000", "", "LocalRulesCheck.floor_1000",
                "`ConcurrentHashMap.get` of flag and company");
        for (String events : new String[] { "delivered", "dropped" }) {
            String scenario = "local flag check (memoized) through `SchematicService`, `flag_check` events " + events;
            timeRow(scenario + ", same company", "LocalFlagCheck.ours", events, "LocalRulesCheck.floor",
                    "`ConcurrentHashMap.get` of flag and company");
            timeRow(scenario + ", 1,000 companies in turn", "LocalFlagCheck.ours_1000", events,
                    "LocalRulesCheck.floor_1000", "`ConcurrentHashMap.get` of flag and company");
        }
        timeRow("uncached flag check (loopback HTTP)", "UncachedFlagCheck.ours", "", "UncachedFlagCheck.vertx",
                "Vert.x `HttpClient` POST + Jackson parse");
        timeRow("uncached flag check (loopback HTTP)", "UncachedFlagCheck.ours", "", "UncachedFlagCheck.jdk",
                "JDK `HttpClient` POST + Jackson parse");
        timeRow("uncached flag check (loopback HTTP)", "UncachedFlagCheck.ours", "", "RestClientStackCheck.stack",
                "annotated MicroProfile REST Client + Fault Tolerance, none of our code");
        timeRow("uncached flag check, JDK `HttpServer` stub", "UncachedFlagCheck.ours_jdkStub", "",
                "UncachedFlagCheck.jdk_jdkStub", "JDK `HttpClient` POST + Jackson parse, same stub");
        timeRow("`checkFlags` (loopback HTTP)", "UncachedFlagCheck.ours_checkFlags", "",
                "UncachedFlagCheck.vertx_checkFlags", "Vert.x `HttpClient` POST + Jackson tree");
        timeRow("`upsertCompany` (loopback HTTP)", "UncachedFlagCheck.ours_upsertCompany", "",
                "UncachedFlagCheck.vertx_upsertCompany", "Vert.x `HttpClient` POST + Jackson tree");
        timeRow("shared cache: check answered from Redis, near cache cold (target <= 1.3)", "SharedCacheCheck.ours_redis",
                "", "SharedCacheCheck.floor_redis_get", "Redis `GET` of the same key, same client, blocking data source");
        timeRow("shared cache: the same check through the reactive API, awaited", "SharedCacheCheck.ours_redis_reactive",
                "", "SharedCacheCheck.floor_redis_get_reactive", "reactive Redis `GET` of the same key, awaited");
        timeRow("the reactive `GET` bounded by a timer task of its own (`ifNoItem().after`, the reactive path before)",
                "SharedCacheCheck.redis_get_with_timer",
                "", "SharedCacheCheck.floor_redis_get_reactive", "reactive Redis `GET` of the same key, awaited");
        timeRow("shared cache: check answered by the near cache (target <= 1.5)", "SharedCacheCheck.ours_near", "",
                "SharedCacheCheck.floor_local", "the same check from the in-process cache (`backend=local`)");
        timeRow("replicator mode: local check, flag and company in the near cache", "ReplicatorCheck.ours_near", "",
                "ReplicatorCheck.floor_local", "the same local evaluator over flag and company held in process");
        timeRow("replicator mode: local check, near caches cold (flag and company read from Redis)",
                "ReplicatorCheck.ours_cold", "", "ReplicatorCheck.floor_redis_gets",
                "the same `GET`, `MGET`, `GET` of the replicator's keys, same client");
        for (String call : new String[] { "track", "identify" }) {
            for (String capture : new String[] { "up", "unreachable" }) {
                timeRow("`" + call + "()` enqueue, capture service " + capture, "EventEnqueue.ours_" + call,
                        capture, "EventEnqueue.floor_track", "allocate an event + `ConcurrentLinkedQueue.offer`");
            }
            timeRow("`" + call + "()` enqueue, capture service up", "EventEnqueue.ours_" + call, "up",
                    "EventEnqueue.floor_track_delivered", DELIVERING_FLOOR);
        }
        deliveryRows();
        timeRow("flag check, API black-holed (breaker open)", "BlackHoledFlagCheck.ours", "",
                "BlackHoledFlagCheck.noBreaker", "JDK `HttpClient`, no breaker, same 100 ms timeout");

        out.append("\nPer-call latency (JMH `SampleTime`):\n\n");
        out.append("| call | p50 | p95 | p99 | p99.9 | max | calls sampled |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (String call : new String[] { "track", "identify" }) {
            for (String capture : new String[] { "up", "unreachable" }) {
                sampleRow("ours `" + call + "()`, capture service " + capture, "EventEnqueue.ours_" + call, capture);
            }
        }
        sampleRow("floor: allocate + `ConcurrentLinkedQueue.offer`", "EventEnqueue.floor_track", "");
        sampleRow("floor: the same, another thread delivering the events", "EventEnqueue.floor_track_delivered", "");
        sampleRow("ours flag check, API black-holed (breaker open)", "BlackHoledFlagCheck.ours", "");
        sampleRow("no-breaker client, API black-holed", "BlackHoledFlagCheck.noBreaker", "");
        out.append(Targets.render(results));
        out.append(LocalTargets.render(results));
        return out.toString();
    }

    private void timeRow(String scenario, String ours, String param, String floor, String floorIs) {
        RunResult mine = results.find(ours, Mode.AverageTime, param);
        RunResult base = results.find(floor, Mode.AverageTime, "");
        if (mine == null && base == null) {
            return;
        }
        row(scenario, time(mine), time(base), floorIs, ratio(score(mine) / score(base)), bytes(mine), bytes(base));
    }

    /** Throughput with 2 threads divided by throughput with 1: 2.0 is perfect scaling on 2 cores. */
    private void scalingRow() {
        double ours = scaling("CachedFlagCheck.ours_t");
        double caffeine = scaling("CachedFlagCheck.caffeine_t");
        if (Double.isNaN(ours) && Double.isNaN(caffeine)) {
            return;
        }
        row("cached flag check, throughput 2 threads / 1 thread", ratio(ours), ratio(caffeine),
                "Caffeine `getIfPresent` (2.0 = perfect scaling)", ratio(ours / caffeine), "", "");
    }

    private double scaling(String prefix) {
        // average time is per operation per thread, so 2 threads at the same time per op give twice the throughput
        return 2 * score(results.find(prefix + 1, Mode.AverageTime, ""))
                / score(results.find(prefix + 2, Mode.AverageTime, ""));
    }

    private void deliveryRows() {
        RunResult mine = results.find("EventDelivery.ours", Mode.Throughput, "");
        RunResult base = results.find("EventDelivery.floor", Mode.Throughput, "");
        if (mine == null && base == null) {
            return;
        }
        row("event delivery to the stub (events/s, higher is better)", count(score(mine)) + " ± "
                + count(error(mine)), count(score(base)) + " ± " + count(error(base)),
                "batches of 100 POSTed back to back on the caller's thread", ratio(score(mine) / score(base)), "",
                "");
        row("requests per 100 events delivered", ratio(requestsPer100(mine)), ratio(requestsPer100(base)),
                "same", ratio(requestsPer100(mine) / requestsPer100(base)), "", "");
    }

    private static double requestsPer100(RunResult result) {
        return 100 * secondary(result, "stubRequests") / secondary(result, "stubEvents");
    }

    private void sampleRow(String call, String benchmark, String param) {
        RunResult result = results.find(benchmark, Mode.SampleTime, param);
        if (result == null) {
            return;
        }
        out.append("| ").append(call);
        for (double p : new double[] { 50, 95, 99, 99.9, 100 }) {
            out.append(" | ").append(nanos(percentile(result, p)));
        }
        out.append(" | ").append(result.getPrimaryResult().getStatistics().getN()).append(" |\n");
    }

    private void row(String... cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String time(RunResult result) {
        return result == null ? "n/a" : nanos(score(result)) + " ± " + nanos(error(result));
    }

    private static String bytes(RunResult result) {
        double bytes = bytesPerOp(result);
        return Double.isNaN(bytes) ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String count(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** A duration in the unit that keeps 3 significant digits readable. */
    static String nanos(double ns) {
        if (Double.isNaN(ns)) {
            return "n/a";
        }
        if (ns < 1_000) {
            return String.format(Locale.ROOT, "%.1f ns", ns);
        }
        if (ns < 1_000_000) {
            return String.format(Locale.ROOT, "%.2f µs", ns / 1e3);
        }
        if (ns < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
    }
}
