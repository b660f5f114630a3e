package io.quarkiverse.schematic.benchmarks.report;

import static io.quarkiverse.schematic.benchmarks.report.Measurements.bytesPerOp;
import static io.quarkiverse.schematic.benchmarks.report.Measurements.percentile;
import static io.quarkiverse.schematic.benchmarks.report.Measurements.score;

import java.util.Locale;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;

/**
 * The targets of issues #10 and #15, each beside the measurement it is judged by, its floor in the same run, the ratio, and
 * whether it was met. Times are judged as ratios to a floor of the same run where the target is a ratio; the
 * absolute targets (cached check, open breaker) assume a quiet machine.
 */
final class Targets {

    private final Measurements results;
    private final StringBuilder out = new StringBuilder();

    private Targets(Measurements results) {
        this.results = results;
    }

    static String render(Measurements results) {
        return new Targets(results).render();
    }

    private String render() {
        out.append("\nTargets (issue #10):\n\n");
        out.append("| target | measured | floor, same run | ratio | bound | met |\n");
        out.append("|---|---:|---:|---:|---:|---|\n");
        uncached("uncached flag check", "UncachedFlagCheck.ours");
        // what bounds the target above: the annotated REST Client + Fault Tolerance stack the contract prescribes,
        // measured alone (no code of ours) against the same floor, and ours against that stack
        uncached("bound: the annotated REST Client + Fault Tolerance stack alone", "RestClientStackCheck.stack");
        ratioTarget("uncached flag check over that stack (our own code's share)", "UncachedFlagCheck.ours",
                "RestClientStackCheck.stack", "REST Client + Fault Tolerance, none of our code");
        ratioTarget("`checkFlags` (every flag of a company)", "UncachedFlagCheck.ours_checkFlags",
                "UncachedFlagCheck.vertx_checkFlags", "Vert.x `HttpClient`");
        ratioTarget("bound: `checkFlags` through the REST Client + Fault Tolerance stack alone",
                "RestClientStackCheck.stack_checkFlags", "UncachedFlagCheck.vertx_checkFlags", "Vert.x `HttpClient`");
        ratioTarget("`checkFlags` over that stack (our own code's share)", "UncachedFlagCheck.ours_checkFlags",
                "RestClientStackCheck.stack_checkFlags", "REST Client + Fault Tolerance, none of our code");
        ratioTarget("`upsertCompany`", "UncachedFlagCheck.ours_upsertCompany", "UncachedFlagCheck.vertx_upsertCompany",
                "Vert.x `HttpClient`");
        ratioTarget("bound: `upsertCompany` through the REST Client + Fault Tolerance stack alone",
                "RestClientStackCheck.stack_upsertCompany", "UncachedFlagCheck.vertx_upsertCompany",
                "Vert.x `HttpClient`");
        ratioTarget("`upsertCompany` over that stack (our own code's share)", "UncachedFlagCheck.ours_upsertCompany",
                "RestClientStackCheck.stack_upsertCompany", "REST Client + Fault Tolerance, none of our code");

        RunResult open = results.find("BlackHoledFlagCheck.ours", Mode.SampleTime, "");
        absolute("flag check, breaker open: p50", open == null ? Double.NaN : percentile(open, 50), 200, true);
        bytes("flag check, breaker open: B/op (every thread; the caller's own: `CallerAllocation` below)",
                results.find("BlackHoledFlagCheck.ours", Mode.AverageTime, ""), 100);

        RunResult cached = results.find("CachedFlagCheck.ours_t1", Mode.AverageTime, "");
        absolute("cached flag check, 1 thread", score(cached), 40, true);
        // what bounds it: a Caffeine lookup keyed by the check's own arguments (the flag and the caller's two maps,
        // hashed and compared per lookup), none of our code
        absolute("bound: Caffeine keyed by the flag and the caller's maps alone",
                score(results.find("CachedFlagCheck.caffeine_keys_t1", Mode.AverageTime, "")), 40, true);
        bytes("cached flag check, B/op", cached, 0);
        double scaling = 2 * score(cached) / score(results.find("CachedFlagCheck.ours_t2", Mode.AverageTime, ""));
        if (!Double.isNaN(scaling)) {
            row("cached flag check, throughput 2 threads / 1 thread", ratio(scaling), "", "", "≥ 1.80",
                    mark(scaling >= 1.8));
        }

        for (String call : new String[] { "track", "identify" }) {
            // the target is the caller's own thread, which JMH cannot separate from the flusher's connection attempts
            bytesForReference("`" + call + "()` B/op, capture service unreachable, every thread (JMH; the target,"
                    + " ≤ 150 B on the caller's own thread, is judged by `CallerAllocation` below)",
                    results.find("EventEnqueue.ours_" + call, Mode.AverageTime, "unreachable"));
            ratioTarget("`" + call + "()` mean, capture service up", "EventEnqueue.ours_" + call, "up",
                    "EventEnqueue.floor_track", "queue offer", 1.5);
            ratioTarget("(analog) `" + call + "()` mean, capture service up, over a floor whose events are delivered too",
                    "EventEnqueue.ours_" + call, "up", "EventEnqueue.floor_track_delivered",
                    "queue offer, another thread delivering", 1.5);
        }
        fleetTargets();
        return out.toString();
    }

    /** Issue #15: fleet mode on Redis, each check beside the same Redis commands (or in-process check) of the run. */
    private void fleetTargets() {
        out.append("\nTargets (issue #15, fleet mode on Redis):\n\n");
        out.append("| target | measured | floor, same run | ratio | bound | met |\n");
        out.append("|---|---:|---:|---:|---:|---|\n");
        ratioTarget("shared cache: blocking check answered from Redis, near cache cold", "SharedCacheCheck.ours_redis",
                "", "SharedCacheCheck.floor_redis_get", "blocking Redis `GET` of the same key, same client", 1.3);
        ratioTarget("shared cache: check answered by the near cache", "SharedCacheCheck.ours_near", "",
                "SharedCacheCheck.floor_local", "the same check from the in-process cache", 1.5);
        // not targets of the issue, their analogs: a cold replicator check against its three raw commands, a hot one
        // against direct mode's in-process lookups
        ratioTarget("(analog) replicator mode: check with near caches cold", "ReplicatorCheck.ours_cold", "",
                "ReplicatorCheck.floor_redis_gets", "the same `GET`, `MGET`, `GET`, same client", 1.3);
        ratioTarget("(analog) replicator mode: check from the near caches", "ReplicatorCheck.ours_near", "",
                "ReplicatorCheck.floor_local", "the same evaluator over in-process maps", 1.5);
    }

    /** The uncached check against the fastest of its floors in this run. */
    private void uncached(String target, String ours) {
        RunResult vertx = results.find("UncachedFlagCheck.vertx", Mode.AverageTime, "");
        RunResult jdk = results.find("UncachedFlagCheck.jdk", Mode.AverageTime, "");
        boolean vertxFaster = score(jdk) >= score(vertx) || Double.isNaN(score(jdk));
        ratioTarget(target, ours, vertxFaster ? "UncachedFlagCheck.vertx" : "UncachedFlagCheck.jdk",
                vertxFaster ? "Vert.x `HttpClient` (the fastest floor)" : "JDK `HttpClient` (the fastest floor)");
    }

    private void ratioTarget(String target, String ours, String floor, String floorIs) {
        ratioTarget(target, ours, "", floor, floorIs, 1.2);
    }

    private void ratioTarget(String target, String ours, String param, String floor, String floorIs, double bound) {
        RunResult mine = results.find(ours, Mode.AverageTime, param);
        RunResult base = results.find(floor, Mode.AverageTime, "");
        if (mine == null) {
            return;
        }
        double ratio = score(mine) / score(base);
        row(target, PerformanceTable.nanos(score(mine)), PerformanceTable.nanos(score(base)) + " (" + floorIs + ")",
                ratio(ratio), "≤ " + ratio(bound) + "×", mark(ratio <= bound));
    }

    private void absolute(String target, double nanos, double bound, boolean present) {
        if (Double.isNaN(nanos) || !present) {
            return;
        }
        row(target, PerformanceTable.nanos(nanos), "", "", "≤ " + PerformanceTable.nanos(bound), mark(nanos <= bound));
    }

    private void bytes(String target, RunResult result, double bound) {
        double bytes = bytesPerOp(result);
        if (Double.isNaN(bytes)) {
            return;
        }
        row(target, String.format(Locale.ROOT, "%.0f B", bytes), "", "",
                String.format(Locale.ROOT, "≤ %.0f B", bound), mark(bytes <= bound + 0.5));
    }

    private void bytesForReference(String what, RunResult result) {
        double bytes = bytesPerOp(result);
        if (!Double.isNaN(bytes)) {
            row(what, String.format(Locale.ROOT, "%.0f B", bytes), "", "", "", "");
        }
    }

    private static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String mark(boolean met) {
        return met ? "met" : "**not met**";
    }

    private void row(String... cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
