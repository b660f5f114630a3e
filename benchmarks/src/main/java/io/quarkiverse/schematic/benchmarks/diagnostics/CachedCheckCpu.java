package io.quarkiverse.schematic.benchmarks.diagnostics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.benchmarks.clients.ours.QuarkusSchematic;
import io.quarkiverse.schematic.benchmarks.stub.StubSchematic;
import io.quarkiverse.schematic.runtime.SchematicCore;
import io.quarkiverse.schematic.runtime.flags.FlagCheckCache;
import io.quarkiverse.schematic.runtime.flags.FlagEvaluator;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;

/**
 * Where the time of a cached check goes, in CPU time of the calling thread rather than wall-clock time: on a machine
 * that other work keeps busy, JMH's times mostly measure the scheduler, while the CPU time a thread spends on a
 * call is what the call costs. The same warm hit as {@code CachedFlagCheck} is made at each layer of the path (ArC
 * client proxy, service, evaluator, cache) beside the cached-check floors, each in its own loop so that every call
 * site stays monomorphic; rounds alternate the layers, and the least CPU time per call of all rounds is printed.
 * <p>
 * {@code java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp benchmarks/target/*-runner.jar
 * io.quarkiverse.schematic.benchmarks.diagnostics.CachedCheckCpu [rounds]}
 */
public final class CachedCheckCpu {

    static final String FLAG = "new-dashboard";
    static final Map<String, String> COMPANY = Map.of("id", "acme");
    static final Map<String, String> USER = Map.of("email", "jane@acme.com");
    static final int CALLS = 2_000_000;

    static volatile boolean sink;

    private static SchematicService proxy;
    private static SchematicService service;
    private static FlagEvaluator evaluator;
    private static FlagCheckCache cache;
    private static final Cache<CheckKey, Boolean> CAFFEINE_KEYS = Caffeine.newBuilder().maximumSize(1000)
            .expireAfterWrite(Duration.ofHours(1)).executor(Runnable::run).build();
    private static final Cache<String, Boolean> CAFFEINE = Caffeine.newBuilder().maximumSize(1000)
            .expireAfterWrite(Duration.ofHours(1)).executor(Runnable::run).build();
    private static final String KEY = FLAG + "|id=acme|email=jane@acme.com";

    /** As {@code CachedFlagCheck.caffeine_keys_t1}: a key of the caller's arguments, hashed and compared per call. */
    record CheckKey(String flag, Map<String, String> company, Map<String, String> user) {
    }

    private CachedCheckCpu() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        try (StubSchematic stub = StubSchematic.start()) {
            proxy = QuarkusSchematic.start(Map.of("quarkus.schematic.base-url", stub.url(),
                    "quarkus.schematic.event-capture-url", stub.url(), "quarkus.schematic.cache.ttl", "1h"));
            service = ClientProxy.unwrap(proxy);
            evaluator = Arc.container().instance(SchematicCore.class).get().flags();
            cache = evaluator.cache();
            proxy.checkFlag(FLAG, COMPANY, USER);
            CAFFEINE_KEYS.put(new CheckKey(FLAG, Map.copyOf(COMPANY), Map.copyOf(USER)), Boolean.TRUE);
            CAFFEINE.put(KEY, Boolean.TRUE);
            String[] names = { "ours: ArC client proxy + service (the application's call)", "service, no client proxy",
                    "evaluator (local hook, cache, listener)", "cache alone (key, Caffeine, source)",
                    "floor: Caffeine, key of the caller's arguments", "floor: Caffeine, precomputed key" };
            double[] best = new double[names.length];
            java.util.Arrays.fill(best, Double.MAX_VALUE);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int round = 0; round < rounds; round++) {
                for (int layer = 0; layer < names.length; layer++) {
                    long before = threads.getCurrentThreadCpuTime();
                    run(layer);
                    double perCall = (threads.getCurrentThreadCpuTime() - before) / (double) CALLS;
                    // the first rounds compile the loops
                    if (round >= 3) {
                        best[layer] = Math.min(best[layer], perCall);
                    }
                }
            }
            if (stub.flagChecks() != 1) {
                throw new IllegalStateException("the cache did not answer: " + stub.flagChecks() + " requests");
            }
            System.out.println("| layer | least CPU ns per call | above the next layer |");
            System.out.println("|---|---:|---:|");
            for (int layer = 0; layer < names.length; layer++) {
                String delta = layer < 3 ? String.format(Locale.ROOT, "%.1f", best[layer] - best[layer + 1]) : "";
                System.out.printf(Locale.ROOT, "| %s | %.1f | %s |%n", names[layer], best[layer], delta);
            }
        } finally {
            QuarkusSchematic.stop();
        }
    }

    private static void run(int layer) {
        switch (layer) {
            case 0 -> proxyLoop();
            case 1 -> serviceLoop();
            case 2 -> evaluatorLoop();
            case 3 -> cacheLoop();
            case 4 -> caffeineKeysLoop();
            default -> caffeineLoop();
        }
    }

    private static void proxyLoop() {
        boolean s = false;
        for (int i = 0; i < CALLS; i++) {
            s ^= proxy.checkFlag(FLAG, COMPANY, USER);
        }
        sink = s;
    }

    private static void serviceLoop() {
        boolean s = false;
        for (int i = 0; i < CALLS; i++) {
            s ^= service.checkFlag(FLAG, COMPANY, USER);
        }
        sink = s;
    }

    private static void evaluatorLoop() {
        boolean s = false;
        for (int i = 0; i < CALLS; i++) {
            s ^= evaluator.cached(FLAG, COMPANY, USER).value();
        }
        sink = s;
    }

    private static void cacheLoop() {
        boolean s = false;
        for (int i = 0; i < CALLS; i++) {
            s ^= cache.get(FLAG, COMPANY, USER).value();
        }
        sink = s;
    }

    private static void caffeineKeysLoop() {
        boolean s = false;
        for (int i = 0; i < CALLS; i++) {
            s ^= CAFFEINE_KEYS.getIfPresent(new CheckKey(FLAG, COMPANY, USER));
        }
        sink = s;
    }

    private static void caffeineLoop() {
        boolean s = false;
        for (int i = 0; i < CALLS; i++) {
            s ^= CAFFEINE.getIfPresent(KEY);
        }
        sink = s;
    }
}
