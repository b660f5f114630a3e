package io.quarkiverse.schematic.benchmarks.diagnostics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.quarkiverse.schematic.benchmarks.clients.FlagClient;
import io.quarkiverse.schematic.benchmarks.clients.floor.RawHttpFlagClient;
import io.quarkiverse.schematic.benchmarks.clients.floor.VertxHttpFlagClient;
import io.quarkiverse.schematic.benchmarks.clients.ours.QuarkusSchematic;
import io.quarkiverse.schematic.benchmarks.clients.ours.SchematicFlagClient;
import io.quarkiverse.schematic.benchmarks.scenarios.SharedCacheCheck;
import io.quarkiverse.schematic.benchmarks.stub.StubSchematic;

/**
 * Where the time of one uncached flag check goes, by a measure that the machine's load does not distort: how often
 * each thread of the JVM (client and in-JVM stub) was switched off its CPU per call, from the kernel's own counters
 * ({@code /proc/self/task/<tid>/status}), the JVM's CPU time per call ({@code /proc/self/stat}), and the bytes the
 * caller's thread and all threads allocate per call ({@code ThreadMXBean.getThreadAllocatedBytes}). Every switch of a
 * thread that waits for another is a hand-off of the call between threads, and each costs a wake-up: on an idle core
 * microseconds, on busy cores up to the scheduler's time slice.
 * <p>
 * Usage: {@code java -cp <runner jar> io.quarkiverse.schematic.benchmarks.diagnostics.RoundTrips [vertx|jdk] [calls]}
 * (the server carrying the stub; see {@link StubSchematic.Server}); {@code RoundTrips redis [calls]} measures the
 * cold checks of {@link SharedCacheCheck} (the shared cache on a real redis-server) beside the Redis {@code GET}s.
 */
public final class RoundTrips {

    private static final String FLAG = "new-dashboard";
    private static final Map<String, String> COMPANY = Map.of("id", "acme");
    private static final Map<String, String> USER = Map.of("email", "jane@acme.com");
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    /** CPU clock ticks per thread name at the latest {@link #switchesByThread()}. */
    private static final Map<String, Long> CPU_BY_THREAD = new TreeMap<>();
    /** A call this slow met a delayed ACK (40 ms on Linux) or a long descheduling. */
    private static final long STALL_NANOS = 30_000_000;
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
            .getThreadMXBean();

    private RoundTrips() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        if (args.length > 0 && args[0].equals("redis")) {
            SharedCacheCheck.Fleet fleet = new SharedCacheCheck.Fleet();
            fleet.start();
            try {
                System.out.printf("real redis-server, a check whose near cache is cold, %d calls per client, %d CPUs%n",
                        calls, Runtime.getRuntime().availableProcessors());
                measureTwice(fleet.coldClients(), calls);
            } finally {
                fleet.stop();
            }
            return;
        }
        StubSchematic.Server server = args.length > 0 ? StubSchematic.Server.valueOf(args[0].toUpperCase(Locale.ROOT))
                : StubSchematic.Server.VERTX;
        try (StubSchematic stub = StubSchematic.start(server);
                VertxHttpFlagClient vertx = new VertxHttpFlagClient(stub.url(), Duration.ofSeconds(60))) {
            Map<String, FlagClient> clients = new LinkedHashMap<>();
            clients.put("Vert.x HttpClient", vertx);
            clients.put("JDK HttpClient", new RawHttpFlagClient(stub.url(), Duration.ofSeconds(60)));
            clients.put("ours", new SchematicFlagClient(QuarkusSchematic.start(Map.of(
                    "quarkus.schematic.base-url", stub.url(), "quarkus.schematic.event-capture-url", stub.url(),
                    "quarkus.schematic.cache.enabled", "false"))));
            System.out.printf("stub: %s server, %d calls per client, %d CPUs%n%n", server, calls,
                    Runtime.getRuntime().availableProcessors());
            measureTwice(clients, calls);
        } finally {
            QuarkusSchematic.stop();
        }
    }

    /** Each client in turn, twice: the first round warms up, the second prints. */
    private static void measureTwice(Map<String, FlagClient> clients, int calls) throws IOException {
        String only = System.getProperty("roundtrips.client");
        for (int round = 0; round < 2; round++) {
            for (Map.Entry<String, FlagClient> client : clients.entrySet()) {
                if (only != null && !client.getKey().equals(only)) {
                    continue;
                }
                measure(client.getKey(), client.getValue(), calls, round == 1);
            }
        }
    }

    private static void measure(String name, FlagClient client, int calls, boolean print) throws IOException {
        for (int i = 0; i < calls / 2; i++) {
            check(name, client);
        }
        Map<String, Long> switchesBefore = switchesByThread();
        Map<String, Long> cpuBefore = new TreeMap<>(CPU_BY_THREAD);
        long processCpuBefore = processCpuTicks();
        long callerBytesBefore = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        long allBytesBefore = allocatedByAllThreads();
        long[] each = new long[calls];
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long before = System.nanoTime();
            check(name, client);
            each[i] = System.nanoTime() - before;
        }
        long elapsed = System.nanoTime() - start;
        Arrays.sort(each);
        long cpu = processCpuTicks() - processCpuBefore;
        long callerBytes = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - callerBytesBefore;
        long allBytes = allocatedByAllThreads() - allBytesBefore;
        Map<String, Long> switchesAfter = switchesByThread();
        if (!print) {
            return;
        }
        StringBuilder perThread = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Long> thread : switchesAfter.entrySet()) {
            double perCall = (thread.getValue() - switchesBefore.getOrDefault(thread.getKey(), 0L)) / (double) calls;
            double cpuPerCall = (CPU_BY_THREAD.getOrDefault(thread.getKey(), 0L)
                    - cpuBefore.getOrDefault(thread.getKey(), 0L)) * 1e6 / CLOCK_TICKS_PER_SECOND / calls;
            if (perCall >= 0.05) {
                perThread.append(String.format(Locale.ROOT, " %s=%.2f (%.0f us)", thread.getKey(), perCall,
                        cpuPerCall));
                total += perCall;
            }
        }
        long stalls = Arrays.stream(each).filter(nanos -> nanos >= STALL_NANOS).count();
        System.out.printf(Locale.ROOT, "%n%-28s mean %7.1f us, p50 %7.1f us, p99 %8.1f us, max %8.1f us, %d calls"
                + " >= 30 ms; CPU %6.1f us/call;%n    allocated/call: caller's thread %.1f KB, all threads (stub"
                + " included) %.1f KB;%n    switches/call (CPU/call) %.2f:%s%n", name, elapsed / 1e3 / calls,
                each[calls / 2] / 1e3, each[calls * 99 / 100] / 1e3, each[calls - 1] / 1e3, stalls,
                cpu * 1e6 / CLOCK_TICKS_PER_SECOND / calls, callerBytes / 1e3 / calls, allBytes / 1e3 / calls, total,
                perThread);
    }

    private static void check(String name, FlagClient client) {
        if (!client.check(FLAG, COMPANY, USER)) {
            throw new IllegalStateException(name + ": the stub's answer was not read");
        }
    }

    /** Context switches (voluntary + involuntary) per thread name, digits folded so pools add up. */
    private static Map<String, Long> switchesByThread() throws IOException {
        Map<String, Long> switches = new TreeMap<>();
        CPU_BY_THREAD.clear();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+", "#");
                    long count = 0;
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches") || line.startsWith("nonvoluntary_ctxt_switches")) {
                            count += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                    switches.merge(name, count, Long::sum);
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    CPU_BY_THREAD.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException ended) {
                    // the thread ended while we read it
                }
            }
        }
        return switches;
    }

    /** Bytes allocated so far by the threads alive now (a thread that ended in between takes its share along). */
    private static long allocatedByAllThreads() {
        long sum = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            sum += Math.max(bytes, 0);
        }
        return sum;
    }

    /** User + system CPU time of the whole JVM, in clock ticks. */
    private static long processCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
