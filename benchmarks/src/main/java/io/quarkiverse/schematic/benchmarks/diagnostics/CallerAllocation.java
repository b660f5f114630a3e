package io.quarkiverse.schematic.benchmarks.diagnostics;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.benchmarks.clients.ours.QuarkusSchematic;
import io.quarkiverse.schematic.benchmarks.stub.BlackHole;
import io.quarkiverse.schematic.benchmarks.stub.StubSchematic;

/**
 * Bytes the caller's own thread allocates per call ({@code ThreadMXBean.getThreadAllocatedBytes}), which JMH's
 * {@code gc.alloc.rate.norm} cannot separate from the background threads (event flusher, Vert.x, the stub): a flag
 * check while the circuit breaker is open, {@code track()} and {@code identify()}. Schematic is a black hole, so every
 * check takes the path it takes in an outage; the capture service is the benchmarks' stub, so that the buffer is
 * drained, between the measured windows, and never fills up (a full buffer drops events, which allocates less).
 * <p>
 * Each figure is taken once the JIT has settled: windows of calls are measured, at least half a million calls, until two
 * in a row agree, because a
 * window that runs partly in code compiled before the final (C2) compilation counts the builder's intermediate
 * instances, which the final code leaves out.
 * <p>
 * Prints a Markdown table with the targets of issue #10 for these figures. Usage:
 * {@code java -cp <runner jar> io.quarkiverse.schematic.benchmarks.diagnostics.CallerAllocation}
 */
public final class CallerAllocation {

    private static final String FLAG = "new-dashboard";
    private static final Map<String, String> COMPANY = Map.of("id", "acme");
    private static final Map<String, String> USER = Map.of("email", "jane@acme.com");
    private static final int WINDOW = 50_000;
    private static final int MIN_WINDOWS = 10;
    private static final int MAX_WINDOWS = 40;
    /** Keeps the calls' results alive, so the JIT cannot drop the calls. */
    static volatile boolean answers;
    /** Keeps a built event alive, so the JIT cannot drop the builder chain. */
    static volatile Object built;
    /** Empties the event buffer between windows, so that no window's events are dropped for want of room. */
    private static Runnable drain;

    private CallerAllocation() {
    }

    public static void main(String[] args) {
        try (BlackHole hole = BlackHole.start(); StubSchematic capture = StubSchematic.start()) {
            SchematicService schematic = QuarkusSchematic.start(Map.of(
                    "quarkus.schematic.base-url", hole.url(),
                    "quarkus.schematic.event-capture-url", capture.url(),
                    "quarkus.schematic.cache.enabled", "false",
                    "quarkus.schematic.timeout", "100ms",
                    "quarkus.schematic.retry-delay", "10ms",
                    "quarkus.schematic.circuit-breaker.delay", "1h",
                    "quarkus.schematic.events.capacity", String.valueOf(2 * WINDOW)));
            long opened = System.nanoTime();
            while (System.nanoTime() - opened < 60_000_000_000L) {
                long before = System.nanoTime();
                schematic.checkFlag(FLAG, COMPANY, USER);
                if (System.nanoTime() - before < 20_000_000) {
                    break;
                }
            }
            System.out.println("\nAllocated by the caller's own thread (`diagnostics/CallerAllocation`):\n");
            System.out.println("| call | bytes per call | bound | met |");
            System.out.println("|---|---:|---:|---|");
            drain = schematic::flush;
            report("flag check, breaker open", 100, () -> schematic.checkFlag(FLAG, COMPANY, USER));
            // The user's builder chain and the extension's part (from track(track) to the queue) apart, then together.
            report("`Track` builder chain alone (the user's code)", Double.NaN, () -> {
                built = Track.event("query-tokens").company(COMPANY).user(USER).quantity(1500);
                return true;
            });
            Track track = Track.event("query-tokens").company(COMPANY).user(USER).quantity(1500);
            report("`track(track)`, the extension's part", 150, () -> {
                schematic.track(track);
                return true;
            });
            report("`track()` with its builder chain", 150, () -> {
                schematic.track(Track.event("query-tokens").company(COMPANY).user(USER).quantity(1500));
                return true;
            });
            report("`Identify` builder chain alone (the user's code)", Double.NaN, () -> {
                built = Identify.user(USER).name("Jane").company(COMPANY, "Acme Inc", Map.of());
                return true;
            });
            Identify identify = Identify.user(USER).name("Jane").company(COMPANY, "Acme Inc", Map.of());
            report("`identify(identify)`, the extension's part", 150, () -> {
                schematic.identify(identify);
                return true;
            });
            report("`identify()` with its builder chain", 150, () -> {
                schematic.identify(Identify.user(USER).name("Jane").company(COMPANY, "Acme Inc", Map.of()));
                return true;
            });
        } finally {
            QuarkusSchematic.stop();
        }
    }

    private static void report(String call, double bound, BooleanSupplier action) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        boolean sink = false;
        double previous = Double.NaN;
        double perCall = Double.NaN;
        for (int window = 0; window < MAX_WINDOWS && (window < MIN_WINDOWS || Math.abs(perCall - previous) >= 1); window++) {
            previous = perCall;
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < WINDOW; i++) {
                sink ^= action.getAsBoolean();
            }
            perCall = (threads.getThreadAllocatedBytes(thread) - before) / (double) WINDOW;
            drain.run();
        }
        if (Math.abs(perCall - previous) >= 1) {
            call += " (not settled after " + MAX_WINDOWS + " windows)";
        }
        if (Double.isNaN(bound)) {
            System.out.printf(Locale.ROOT, "| %s | %.0f B | | |%n", call, perCall);
        } else {
            System.out.printf(Locale.ROOT, "| %s | %.0f B | ≤ %.0f B | %s |%n", call, perCall, bound,
                    perCall <= bound ? "met" : "**not met**");
        }
        answers = sink;
    }
}
