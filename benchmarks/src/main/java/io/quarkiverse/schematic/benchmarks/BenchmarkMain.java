package io.quarkiverse.schematic.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.quarkiverse.schematic.benchmarks.report.PerformanceTable;

/**
 * Runs every scenario in one JMH run (each benchmark in its own fork, with {@code -prof gc}), writes the JSON
 * results and prints the Markdown tables of docs/performance.md.
 * <p>
 * Usage: {@code java -cp <runner jar> io.quarkiverse.schematic.benchmarks.BenchmarkMain [smoke|short|full]
 * [--out DIR] [--include REGEX]}. {@code short} (the default) is the documented run; {@code smoke} is for
 * development; {@code full} is for a quiet machine with time to spare.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /** When, where and how the numbers were taken: they mean nothing without it. */
    private static String header(String mode) {
        return "Run of " + LocalDate.now() + ", mode `" + mode + "`, " + Runtime.getRuntime().availableProcessors()
                + " CPUs, JDK " + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name")
                + "), load average at the end " + String.format(Locale.ROOT, "%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + ".\n\n";
    }

    public static void main(String[] args) throws Exception {
        String mode = "short";
        Path out = Path.of("target", "jmh");
        List<String> includes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--include" -> includes.add(args[++i]);
                case "smoke", "short", "full" -> mode = args[i];
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (includes.isEmpty()) {
            includes.add(BenchmarkMain.class.getPackageName() + ".scenarios\\..*");
        }
        Files.createDirectories(out);
        Path json = out.resolve("jmh-result.json");

        ChainedOptionsBuilder options = new OptionsBuilder()
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .shouldFailOnError(true);
        includes.forEach(options::include);
        switch (mode) {
            case "smoke" -> options.forks(1).warmupIterations(1).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(500));
            case "short" -> options.forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(1));
            default -> options.forks(2).warmupIterations(5).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(2));
        }

        Collection<RunResult> results = new Runner(options.build()).run();

        String table = header(mode) + PerformanceTable.render(results);
        Path markdown = out.resolve("performance-table.md");
        Files.writeString(markdown, table);
        System.out.println();
        System.out.println(table);
        System.out.println("JSON results: " + json + ", table: " + markdown);
    }
}
