package io.quarkiverse.schematic.benchmarks.report;

import static io.quarkiverse.schematic.benchmarks.report.Measurements.bytesPerOp;
import static io.quarkiverse.schematic.benchmarks.report.Measurements.score;

import java.util.Locale;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;

/**
 * The local-evaluation targets of issue #13 (a flag of 10 rules, flag and company cached: at most 300 ns and 200 B
 * per check, within 5x of the two map lookups of flag and company, the same for 1,000 companies in turn), each
 * measurement beside its floor of the same run with the ratio and whether it was met. Memoized checks are judged;
 * the cold evaluation (a first check, or the first after a change) is printed against the same bounds so that the
 * memo hides nothing.
 */
final class LocalTargets {

    private static final double MAX_NANOS = 300;
    private static final double MAX_BYTES = 200;
    private static final double MAX_RATIO = 5;

    private final Measurements results;
    private final StringBuilder out = new StringBuilder();

    private LocalTargets(Measurements results) {
        this.results = results;
    }

    static String render(Measurements results) {
        return new LocalTargets(results).render();
    }

    private String render() {
        out.append("\nTargets (issue #13, local evaluation: ≤ 300 ns, ≤ 200 B, ≤ 5× the map lookups of flag and")
                .append(" company):\n\n");
        out.append("| check | measured | B/op | floor, same run | ratio | met (ns, B, ratio) |\n");
        out.append("|---|---:|---:|---:|---:|---|\n");
        for (String companies : new String[] { "", "_1000" }) {
            String which = companies.isEmpty() ? "same company" : "1,000 companies in turn";
            String floor = "LocalRulesCheck.floor" + companies;
            row("memoized: the extension's caches and memo, event refused (`LocalFlagCheck.answers`), " + which,
                    "LocalFlagCheck.answers" + companies, "", floor);
            row("memoized, through `SchematicService`, `flag_check` events dropped, " + which,
                    "LocalFlagCheck.ours" + companies, "dropped", floor);
            row("memoized, through `SchematicService`, `flag_check` events delivered (their serialization on the"
                    + " flusher thread counted in B/op), " + which, "LocalFlagCheck.ours" + companies, "delivered",
                    floor);
            row("cold: lookups + rules engine, what a first check or the first after a change costs, " + which,
                    "LocalRulesCheck.ours" + companies, "", floor);
        }
        return out.toString();
    }

    private void row(String check, String ours, String param, String floor) {
        RunResult mine = results.find(ours, Mode.AverageTime, param);
        RunResult base = results.find(floor, Mode.AverageTime, "");
        if (mine == null) {
            return;
        }
        double nanos = score(mine);
        double bytes = bytesPerOp(mine);
        double ratio = nanos / score(base);
        out.append("| ").append(check)
                .append(" | ").append(PerformanceTable.nanos(nanos))
                .append(" | ").append(Double.isNaN(bytes) ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes))
                .append(" | ").append(PerformanceTable.nanos(score(base)))
                .append(" | ").append(Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio))
                .append(" | ").append(mark(nanos <= MAX_NANOS)).append(", ").append(mark(bytes <= MAX_BYTES + 0.5))
                .append(", ").append(mark(ratio <= MAX_RATIO))
                .append(" |\n");
    }

    private static String mark(boolean met) {
        return met ? "met" : "**not met**";
    }
}
