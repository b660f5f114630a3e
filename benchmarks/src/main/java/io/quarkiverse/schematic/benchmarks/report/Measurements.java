package io.quarkiverse.schematic.benchmarks.report;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * The results of one JMH run, looked up by scenario class, method, mode and (optional) parameter value, with every
 * time converted to nanoseconds.
 */
final class Measurements {

    private final Map<String, RunResult> byKey = new HashMap<>();

    Measurements(Collection<RunResult> results) {
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String simple = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            String param = result.getParams().getParamsKeys().isEmpty() ? ""
                    : result.getParams().getParam(result.getParams().getParamsKeys().iterator().next());
            byKey.put(key(simple, result.getParams().getMode(), param), result);
        }
    }

    private static String key(String benchmark, Mode mode, String param) {
        return benchmark + "/" + mode.shortLabel() + "/" + (param == null ? "" : param);
    }

    /** A result, or {@code null} when the benchmark was not part of this run. */
    RunResult find(String benchmark, Mode mode, String param) {
        return byKey.get(key(benchmark, mode, param));
    }

    /** Primary score in ns/op (time modes) or ops/s (throughput), or NaN when absent. */
    static double score(RunResult result) {
        return result == null ? Double.NaN
                : normalize(result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreUnit());
    }

    /** Half-width of the 99.9% confidence interval, in the same unit as {@link #score}. */
    static double error(RunResult result) {
        return result == null ? Double.NaN
                : normalize(result.getPrimaryResult().getScoreError(), result.getPrimaryResult().getScoreUnit());
    }

    /** Bytes allocated per operation ({@code -prof gc}), or NaN. */
    static double bytesPerOp(RunResult result) {
        return secondary(result, "gc.alloc.rate.norm");
    }

    static double secondary(RunResult result, String label) {
        if (result == null) {
            return Double.NaN;
        }
        Result<?> secondary = result.getSecondaryResults().get(label);
        return secondary == null ? Double.NaN : secondary.getScore();
    }

    /** A percentile (0..100) of a SampleTime result, in ns. */
    static double percentile(RunResult result, double percentile) {
        if (result == null) {
            return Double.NaN;
        }
        Statistics statistics = result.getPrimaryResult().getStatistics();
        double value = percentile >= 100 ? statistics.getMax() : statistics.getPercentile(percentile);
        return normalize(value, result.getPrimaryResult().getScoreUnit());
    }

    private static double normalize(double value, String unit) {
        if (unit.startsWith("ns/")) {
            return value;
        }
        if (unit.startsWith("us/")) {
            return value * 1e3;
        }
        if (unit.startsWith("ms/")) {
            return value * 1e6;
        }
        if (unit.startsWith("s/")) {
            return value * 1e9;
        }
        return value; // ops/s and friends stay as they are
    }
}
