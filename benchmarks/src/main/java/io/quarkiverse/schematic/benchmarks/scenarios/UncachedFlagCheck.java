package io.quarkiverse.schematic.benchmarks.scenarios;

import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.COMPANY;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.FLAG;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.USER;

import java.time.Duration;
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

import io.quarkiverse.schematic.benchmarks.clients.FlagClient;
import io.quarkiverse.schematic.benchmarks.clients.floor.RawHttpFlagClient;
import io.quarkiverse.schematic.benchmarks.clients.ours.QuarkusSchematic;
import io.quarkiverse.schematic.benchmarks.clients.ours.SchematicFlagClient;

/**
 * Every flag check goes over loopback HTTP to the stub (cache disabled), beside the floor: a bare JDK HttpClient
 * POST of the same request plus the same Jackson parse.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { Workload.LOG_MANAGER, "-Xms1g", "-Xmx1g" })
public class UncachedFlagCheck {

    @State(Scope.Benchmark)
    public static class Ours {
        FlagClient client;

        @Setup(Level.Trial)
        public void start(StubState stub) {
            client = new SchematicFlagClient(QuarkusSchematic.start(OursConfig.api(stub.server.url())
                    .set("cache.enabled", "false").properties()));
            if (!client.check(FLAG, COMPANY, USER)) {
                throw new IllegalStateException("the stub's answer was not read");
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            QuarkusSchematic.stop();
        }
    }

    @State(Scope.Benchmark)
    public static class Floor {
        FlagClient client;

        @Setup(Level.Trial)
        public void start(StubState stub) {
            client = new RawHttpFlagClient(stub.server.url(), Duration.ofSeconds(60));
            if (!client.check(FLAG, COMPANY, USER)) {
                throw new IllegalStateException("the stub's answer was not read");
            }
        }
    }

    @Benchmark
    public boolean ours(Ours ours) {
        return ours.client.check(FLAG, COMPANY, USER);
    }

    @Benchmark
    public boolean floor(Floor floor) {
        return floor.client.check(FLAG, COMPANY, USER);
    }
}
