package io.quarkiverse.schematic.benchmarks.scenarios;

import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.COMPANY;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.FLAG;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.USER;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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

import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.benchmarks.clients.FlagClient;
import io.quarkiverse.schematic.benchmarks.clients.floor.RawHttpFlagClient;
import io.quarkiverse.schematic.benchmarks.clients.floor.VertxHttpFlagClient;
import io.quarkiverse.schematic.benchmarks.clients.ours.QuarkusSchematic;
import io.quarkiverse.schematic.benchmarks.clients.ours.SchematicFlagClient;
import io.quarkiverse.schematic.benchmarks.stub.StubSchematic;

/**
 * Calls that always go over loopback HTTP to the stub (cache disabled): a flag check, every flag of a company
 * ({@code checkFlags}) and {@code upsertCompany}, each beside floors doing the same request and the same Jackson work
 * with a bare HTTP client: a Vert.x {@code HttpClient} (the client under the Quarkus REST Client) and the JDK
 * {@code HttpClient}. The stub is a Vert.x server on its own event loop; the {@code _jdkStub} pair repeats the flag
 * check against the JDK's HTTP server, the stub of earlier runs, to show what a slow server adds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { Workload.LOG_MANAGER, "-Xms1g", "-Xmx1g" })
public class UncachedFlagCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Ours against a stub on the given server. */
    abstract static class OursOn {
        SchematicService schematic;
        FlagClient client;
        StubSchematic stub;

        void start(StubSchematic.Server server) {
            stub = StubSchematic.start(server);
            schematic = QuarkusSchematic.start(OursConfig.api(stub.url()).set("cache.enabled", "false").properties());
            client = new SchematicFlagClient(schematic);
            if (!client.check(FLAG, COMPANY, USER)) {
                throw new IllegalStateException("the stub's answer was not read");
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            QuarkusSchematic.stop();
            stub.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Ours extends OursOn {
        @Setup(Level.Trial)
        public void start() {
            start(StubSchematic.Server.VERTX);
        }
    }

    @State(Scope.Benchmark)
    public static class OursJdkStub extends OursOn {
        @Setup(Level.Trial)
        public void start() {
            start(StubSchematic.Server.JDK);
        }
    }

    @State(Scope.Benchmark)
    public static class Vertx {
        StubSchematic stub;
        VertxHttpFlagClient client;

        @Setup(Level.Trial)
        public void start() {
            stub = StubSchematic.start();
            client = new VertxHttpFlagClient(stub.url(), TIMEOUT);
            if (!client.check(FLAG, COMPANY, USER)) {
                throw new IllegalStateException("the stub's answer was not read");
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
            stub.close();
        }
    }

    /** The JDK client against a stub on the given server. */
    abstract static class JdkOn {
        StubSchematic stub;
        FlagClient client;

        void start(StubSchematic.Server server) {
            stub = StubSchematic.start(server);
            client = new RawHttpFlagClient(stub.url(), TIMEOUT);
            if (!client.check(FLAG, COMPANY, USER)) {
                throw new IllegalStateException("the stub's answer was not read");
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            stub.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Jdk extends JdkOn {
        @Setup(Level.Trial)
        public void start() {
            start(StubSchematic.Server.VERTX);
        }
    }

    @State(Scope.Benchmark)
    public static class JdkJdkStub extends JdkOn {
        @Setup(Level.Trial)
        public void start() {
            start(StubSchematic.Server.JDK);
        }
    }

    @Benchmark
    public boolean ours(Ours ours) {
        return ours.client.check(FLAG, COMPANY, USER);
    }

    @Benchmark
    public boolean vertx(Vertx vertx) {
        return vertx.client.check(FLAG, COMPANY, USER);
    }

    @Benchmark
    public boolean jdk(Jdk jdk) {
        return jdk.client.check(FLAG, COMPANY, USER);
    }

    @Benchmark
    public boolean ours_jdkStub(OursJdkStub ours) {
        return ours.client.check(FLAG, COMPANY, USER);
    }

    @Benchmark
    public boolean jdk_jdkStub(JdkJdkStub jdk) {
        return jdk.client.check(FLAG, COMPANY, USER);
    }

    @Benchmark
    public List<FlagCheck> ours_checkFlags(Ours ours) {
        return ours.schematic.checkFlags(COMPANY, USER);
    }

    @Benchmark
    public Object vertx_checkFlags(Vertx vertx) {
        return vertx.client.post("/flags/check", Map.of("company", COMPANY, "user", USER));
    }

    @Benchmark
    public Company ours_upsertCompany(Ours ours) {
        return ours.schematic.upsertCompany(CompanyUpsert.keys(COMPANY).name("Acme Inc").traits(Workload.TRAITS));
    }

    @Benchmark
    public Object vertx_upsertCompany(Vertx vertx) {
        return vertx.client.post("/companies", Map.of("keys", COMPANY, "name", "Acme Inc", "traits", Workload.TRAITS));
    }
}
