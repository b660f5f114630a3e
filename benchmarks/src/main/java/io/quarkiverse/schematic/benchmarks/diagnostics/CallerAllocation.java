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

/**
 * Bytes the caller's own thread allocates per call ({@code ThreadMXBean.getThreadAllocatedBytes}), which JMH's
 * {@code gc.alloc.rate.norm} cannot separate from the background threads (event flusher, Vert.x, the stub): a flag
 * check while the circuit breaker is open, a cached check, {@code track()} and {@code identify()}. Schematic is a black
 * hole and the capture service a closed port, so nothing answers and every call takes the path it takes in an outage.
 * <p>
 * Prints a Markdown table with the targets of issue #10 for these figures. Usage:
 * {@code java -cp <runner jar> io.quarkiverse.schematic.benchmarks.diagnostics.CallerAllocation}
 */
public final class CallerAllocation {

    private static final String FLAG = "new-dashboard";
    private static final Map<String, String> COMPANY = Map.of("id", "acme");
    private static final Map<String, String> USER = Map.of("email", "jane@acme.com");
    private static final int CALLS = 200_000;
    /** Keeps the calls' results alive, so the JIT cannot drop the calls. */
    static volatile boolean answers;
    /** Keeps a built event alive, so the JIT cannot drop the builder chain. */
    static volatile Object built;

    private CallerAllocation() {
    }

    public static void main(String[] args) {
        try (BlackHole hole = BlackHole.start()) {
            SchematicService schematic = QuarkusSchematic.start(Map.of(
                    "quarkus.schematic.base-url", hole.url(),
                    "quarkus.schematic.event-capture-url", BlackHole.closedPortUrl(),
                    "quarkus.schematic.cache.enabled", "false",
                    "quarkus.schematic.timeout", "100ms",
                    "quarkus.schematic.retry-delay", "10ms",
                    "quarkus.schematic.circuit-breaker.delay", "1h",
                    "quarkus.schematic.events.capacity", "2000000"));
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
            report("`track()` with its builder chain", Double.NaN, () -> {
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
            report("`identify()` with its builder chain", Double.NaN, () -> {
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
        for (int i = 0; i < CALLS; i++) {
            sink ^= action.getAsBoolean();
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < CALLS; i++) {
            sink ^= action.getAsBoolean();
        }
        long bytes = threads.getThreadAllocatedBytes(thread) - before;
        double perCall = bytes / (double) CALLS;
        if (Double.isNaN(bound)) {
            System.out.printf(Locale.ROOT, "| %s | %.0f B | | |%n", call, perCall);
        } else {
            System.out.printf(Locale.ROOT, "| %s | %.0f B | ≤ %.0f B | %s |%n", call, perCall, bound,
                    perCall <= bound ? "met" : "**not met**");
        }
        answers = sink;
    }
}
