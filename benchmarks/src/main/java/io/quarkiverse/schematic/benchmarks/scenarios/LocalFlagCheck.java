package io.quarkiverse.schematic.benchmarks.scenarios;

import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.FLAG;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jboss.logging.Logger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.benchmarks.clients.ours.QuarkusSchematic;
import io.quarkiverse.schematic.benchmarks.stub.DataStreamStub;
import io.quarkiverse.schematic.benchmarks.stub.StubSchematic;

/**
 * A flag check answered by local evaluation through the real {@code SchematicService} bean: the flag of
 * {@link LocalRulesCheck} (10 rules of mixed conditions, the 9th decides) and its companies (10 traits, 5 metrics, 3
 * entitlements) replicated from a DataStream stub into the extension's caches. Each call validates its arguments,
 * looks flag and company up in those caches, runs the engine, builds the answer and offers a {@code flag_check}
 * event to the buffer. The floors are {@link LocalRulesCheck}'s (the two map lookups alone); the {@code _1000}
 * variant cycles through 1,000 cached companies.
 * <p>
 * {@code events=delivered} is production: every event the buffer accepts is serialized and posted to the stub by the
 * flusher thread, whose work (and allocation) shares the two CPUs with the measured thread. {@code events=dropped}
 * keeps the buffer full (capacity 1), so each check only pays for a refused offer: the check alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { Workload.LOG_MANAGER, "-Xms1g", "-Xmx1g" })
@Threads(1)
public class LocalFlagCheck {

    private static final Logger LOG = Logger.getLogger(LocalFlagCheck.class);

    @State(Scope.Benchmark)
    public static class Ours {
        @Param({ "delivered", "dropped" })
        String events;

        SchematicService schematic;
        StubSchematic api;
        DataStreamStub dataStream;
        final List<Map<String, String>> companies = new ArrayList<>();
        long restChecks;

        @Setup(Level.Trial)
        public void start() {
            api = StubSchematic.start();
            Map<String, String> companyJson = new HashMap<>();
            for (int i = 0; i < LocalRulesCheck.COMPANIES; i++) {
                companies.add(Map.of("id", "acme-" + i));
                companyJson.put("acme-" + i, LocalRulesCheck.companyJson(i));
            }
            dataStream = DataStreamStub.start(List.of(LocalRulesCheck.flagJson()), companyJson);
            OursConfig config = OursConfig.api(api.url())
                    .set("local-evaluation.enabled", "true")
                    .set("local-evaluation.url", dataStream.url());
            if (events.equals("dropped")) {
                config.set("events.capacity", "1").set("events.flush-interval", "1h");
            }
            schematic = QuarkusSchematic.start(config.properties());
            for (Map<String, String> company : companies) {
                replicate(schematic, company);
            }
            restChecks = api.flagChecks();
        }

        @TearDown(Level.Trial)
        public void stop() {
            long rest = api.flagChecks() - restChecks;
            LOG.infof("events during the run: %s", QuarkusSchematic.eventStats());
            QuarkusSchematic.stop();
            dataStream.close();
            api.close();
            if (rest != 0) {
                throw new IllegalStateException("measured checks went to the REST API: " + rest + " requests");
            }
        }
    }

    /**
     * Checks until the answer is local: the first checks wait for the flag set, then each company is requested by its
     * first check and answered locally once it arrived.
     */
    static void replicate(SchematicService schematic, Map<String, String> company) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        FlagCheck check = schematic.checkFlagDetails(FLAG, company, null);
        while (check.source() != FlagSource.LOCAL && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            check = schematic.checkFlagDetails(FLAG, company, null);
        }
        if (check.source() != FlagSource.LOCAL || !check.value() || !"rule_9".equals(check.ruleId())) {
            throw new IllegalStateException("not answered locally from the 9th rule: " + check);
        }
    }

    /** The next of the 1,000 companies, per thread. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        Map<String, String> next(Ours ours) {
            next = next + 1 == LocalRulesCheck.COMPANIES ? 0 : next + 1;
            return ours.companies.get(next);
        }
    }

    @Benchmark
    public boolean ours(Ours ours) {
        return ours.schematic.checkFlag(FLAG, ours.companies.get(0), null);
    }

    @Benchmark
    public boolean ours_1000(Ours ours, Cursor cursor) {
        return ours.schematic.checkFlag(FLAG, cursor.next(ours), null);
    }
}
