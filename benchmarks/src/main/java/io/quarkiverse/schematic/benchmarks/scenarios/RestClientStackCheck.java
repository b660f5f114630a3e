package io.quarkiverse.schematic.benchmarks.scenarios;

import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.COMPANY;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.FLAG;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.USER;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.rest.client.inject.RestClient;
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
import io.quarkiverse.schematic.benchmarks.clients.floor.PlainRestClientApi;
import io.quarkiverse.schematic.benchmarks.clients.floor.PlainRestClientFlagClient;
import io.quarkiverse.schematic.benchmarks.clients.ours.QuarkusSchematic;
import io.quarkiverse.schematic.benchmarks.stub.StubSchematic;
import io.quarkus.arc.Arc;

/**
 * The uncached flag check of {@link UncachedFlagCheck} through a plain annotated MicroProfile REST Client with Fault
 * Tolerance (retry, breaker, timeout) and none of the extension's code, in the same Quarkus application and against
 * the same stub: the floor of the stack the extension's contract prescribes, beside the bare-client floors.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { Workload.LOG_MANAGER, "-Xms1g", "-Xmx1g" })
public class RestClientStackCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @State(Scope.Benchmark)
    public static class Stack {
        StubSchematic stub;
        FlagClient client;
        PlainRestClientApi api;

        @Setup(Level.Trial)
        public void start() {
            stub = StubSchematic.start();
            Map<String, String> properties = new HashMap<>(
                    OursConfig.api(stub.url()).set("cache.enabled", "false").properties());
            properties.put("quarkus.rest-client." + PlainRestClientApi.CONFIG_KEY + ".url", stub.url());
            QuarkusSchematic.start(properties);
            api = Arc.container().instance(PlainRestClientApi.class, RestClient.LITERAL).get();
            client = new PlainRestClientFlagClient(api, TIMEOUT);
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

    @Benchmark
    public boolean stack(Stack stack) {
        return stack.client.check(FLAG, COMPANY, USER);
    }

    /** Every flag of a company, as {@code UncachedFlagCheck.ours_checkFlags}; the answer read as a Jackson tree. */
    @Benchmark
    public Object stack_checkFlags(Stack stack) {
        return stack.api.checkFlags(Map.of("company", COMPANY, "user", USER)).await().atMost(TIMEOUT);
    }

    /** The company upsert of {@code UncachedFlagCheck.ours_upsertCompany}; the answer read as a Jackson tree. */
    @Benchmark
    public Object stack_upsertCompany(Stack stack) {
        return stack.api.upsertCompany(Map.of("keys", COMPANY, "name", "Acme Inc", "traits", Workload.TRAITS))
                .await().atMost(TIMEOUT);
    }
}
