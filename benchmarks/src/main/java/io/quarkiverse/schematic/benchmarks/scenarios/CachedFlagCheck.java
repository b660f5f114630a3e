package io.quarkiverse.schematic.benchmarks.scenarios;

import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.COMPANY;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.FLAG;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.USER;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkiverse.schematic.benchmarks.clients.FlagClient;
import io.quarkiverse.schematic.benchmarks.clients.ours.QuarkusSchematic;
import io.quarkiverse.schematic.benchmarks.clients.ours.SchematicFlagClient;
import io.quarkiverse.schematic.benchmarks.stub.StubSchematic;

/**
 * A flag check answered from a warm cache: the same flag and keys every time, through the real
 * {@code SchematicService} bean, beside two floors that do nothing but one lookup with a precomputed key. Threads 1
 * and 2 show whether the read path scales or contends.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { Workload.LOG_MANAGER, "-Xms1g", "-Xmx1g" })
public class CachedFlagCheck {

    @State(Scope.Benchmark)
    public static class Ours {
        FlagClient client;
        StubSchematic stub;

        @Setup(Level.Trial)
        public void start() {
            stub = StubSchematic.start();
            // a TTL far beyond the run: every measured call is a hit, none refreshes over the network
            client = new SchematicFlagClient(QuarkusSchematic.start(OursConfig.api(stub.url())
                    .set("cache.ttl", "1h").properties()));
            client.check(FLAG, COMPANY, USER);
            client.check(FLAG, COMPANY, USER);
            if (stub.flagChecks() != 1) {
                throw new IllegalStateException("the cache did not answer: " + stub.flagChecks() + " requests");
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            long requests = stub.flagChecks();
            QuarkusSchematic.stop();
            stub.close();
            if (requests != 1) {
                throw new IllegalStateException("measured calls went to the network: " + requests + " requests");
            }
        }
    }

    /** The floors, configured like the extension's cache (size bound, TTL, maintenance on the caller). */
    @State(Scope.Benchmark)
    public static class Floors {
        final String key = FLAG + "|id=acme|email=jane@acme.com";
        final Cache<String, Boolean> caffeine = Caffeine.newBuilder()
                .maximumSize(1000)
                .expireAfterWrite(Duration.ofHours(1))
                .executor(Runnable::run)
                .build();
        final ConcurrentHashMap<String, Boolean> map = new ConcurrentHashMap<>();
        /** Keyed by the caller's flag and key maps as they come, hashed and compared on every lookup. */
        final Cache<CheckKey, Boolean> caffeineByKeys = Caffeine.newBuilder()
                .maximumSize(1000)
                .expireAfterWrite(Duration.ofHours(1))
                .executor(Runnable::run)
                .build();

        @Setup(Level.Trial)
        public void fill() {
            caffeine.put(key, Boolean.TRUE);
            map.put(key, Boolean.TRUE);
            caffeineByKeys.put(new CheckKey(FLAG, Map.copyOf(COMPANY), Map.copyOf(USER)), Boolean.TRUE);
        }
    }

    /** The least a cache keyed by a check's arguments must do per lookup: hash the flag and both maps, compare them. */
    record CheckKey(String flag, Map<String, String> company, Map<String, String> user) {
    }

    @Benchmark
    @Threads(1)
    public boolean ours_t1(Ours ours) {
        return ours.client.check(FLAG, COMPANY, USER);
    }

    @Benchmark
    @Threads(2)
    public boolean ours_t2(Ours ours) {
        return ours.client.check(FLAG, COMPANY, USER);
    }

    @Benchmark
    @Threads(1)
    public Boolean caffeine_t1(Floors floors) {
        return floors.caffeine.getIfPresent(floors.key);
    }

    @Benchmark
    @Threads(2)
    public Boolean caffeine_t2(Floors floors) {
        return floors.caffeine.getIfPresent(floors.key);
    }

    /** What bounds the cached check: Caffeine with a key made of the caller's arguments (no precomputed hash). */
    @Benchmark
    @Threads(1)
    public Boolean caffeine_keys_t1(Floors floors) {
        return floors.caffeineByKeys.getIfPresent(new CheckKey(FLAG, COMPANY, USER));
    }

    @Benchmark
    @Threads(1)
    public Boolean chm_t1(Floors floors) {
        return floors.map.get(floors.key);
    }

    @Benchmark
    @Threads(2)
    public Boolean chm_t2(Floors floors) {
        return floors.map.get(floors.key);
    }
}
