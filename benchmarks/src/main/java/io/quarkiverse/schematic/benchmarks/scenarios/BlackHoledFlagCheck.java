package io.quarkiverse.schematic.benchmarks.scenarios;

import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.COMPANY;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.FLAG;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.USER;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
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

import io.quarkiverse.schematic.benchmarks.clients.FlagClient;
import io.quarkiverse.schematic.benchmarks.clients.floor.RawHttpFlagClient;
import io.quarkiverse.schematic.benchmarks.clients.ours.QuarkusSchematic;
import io.quarkiverse.schematic.benchmarks.clients.ours.SchematicFlagClient;
import io.quarkiverse.schematic.benchmarks.stub.BlackHole;

/**
 * The API has gone dark: connections are accepted and never answered. Ours runs with the cache off (every check
 * would need the network) after its circuit breaker opened; the contrast is a client without a breaker, which pays
 * its whole timeout on every call. Both use the same {@value #TIMEOUT_MILLIS} ms timeout.
 */
@BenchmarkMode({ Mode.AverageTime, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { Workload.LOG_MANAGER, "-Xms1g", "-Xmx1g" })
public class BlackHoledFlagCheck {

    private static final Logger LOG = Logger.getLogger(BlackHoledFlagCheck.class);

    static final int TIMEOUT_MILLIS = 100;

    @State(Scope.Benchmark)
    public static class Hole {
        BlackHole server;

        @Setup(Level.Trial)
        public void start() {
            server = BlackHole.start();
        }

        @TearDown(Level.Trial)
        public void stop() {
            server.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Ours {
        FlagClient client;

        @Setup(Level.Trial)
        public void start(Hole hole) {
            client = new SchematicFlagClient(QuarkusSchematic.start(OursConfig.api(hole.server.url())
                    .set("cache.enabled", "false")
                    .set("timeout", TIMEOUT_MILLIS + "ms")
                    .set("retry-delay", "10ms")
                    // the breaker must stay open for the whole run: no trial call may reach the black hole
                    .set("circuit-breaker.delay", "1h").properties()));
            long opened = openBreaker();
            LOG.infof("[ours] circuit breaker open after %d ms of timed-out calls", opened);
        }

        /** Times out calls until one returns at once: the breaker has opened. */
        private long openBreaker() {
            long start = System.nanoTime();
            for (int call = 0; call < 100; call++) {
                long before = System.nanoTime();
                client.check(FLAG, COMPANY, USER);
                if (System.nanoTime() - before < TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS / 2)) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
            }
            throw new IllegalStateException("the circuit breaker did not open after 100 calls");
        }

        @TearDown(Level.Trial)
        public void stop() {
            QuarkusSchematic.stop();
        }
    }

    @State(Scope.Benchmark)
    public static class NoBreaker {
        FlagClient client;

        @Setup(Level.Trial)
        public void start(Hole hole) {
            client = new RawHttpFlagClient(hole.server.url(), Duration.ofMillis(TIMEOUT_MILLIS));
        }
    }

    @Benchmark
    public boolean ours(Ours ours) {
        return ours.client.check(FLAG, COMPANY, USER);
    }

    @Benchmark
    public boolean noBreaker(NoBreaker noBreaker) {
        return noBreaker.client.check(FLAG, COMPANY, USER);
    }
}
