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
import io.quarkiverse.schematic.runtime.events.EventOptions;
import io.quarkiverse.schematic.runtime.events.EventSink;
import io.quarkiverse.schematic.runtime.events.EventStats;
import io.quarkiverse.schematic.runtime.flags.LocalAnswers;

/**
 * A flag check answered by local evaluation through the real {@code SchematicService} bean: the flag of
 * {@link LocalRulesCheck} (10 rules of mixed conditions, the 9th decides) and its companies (10 traits, 5 metrics, 3
 * entitlements) replicated from a DataStream stub into the extension's caches. Each call validates its arguments,
 * looks flag and company up in those caches, runs the engine, builds the answer and offers a {@code flag_check}
 * event to the buffer. The floors are {@link LocalRulesCheck}'s (the two map lookups alone); the {@code _1000}
 * variant cycles through 1,000 cached companies.
 * <p>
 * After the first check of a company its answer is memoized with the cached company, so these are memo hits: the
 * lookups in the extension's caches, the memo, the listener and the event. {@code answers} and {@code answers_1000}
 * are the same local check without {@code SchematicService} (no argument handling, no listener), its event offered
 * to a sink that drops it: the extension's caches and the memo alone, beside the floor of the two map lookups. The cost
 * of evaluating (a first check, or the first after a change) is {@link LocalRulesCheck#ours}.
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

    /** The application with the flag and the 1,000 companies replicated into its caches. */
    abstract static class Replicated {
        SchematicService schematic;
        StubSchematic api;
        DataStreamStub dataStream;
        final List<Map<String, String>> companies = new ArrayList<>();
        long restChecks;

        void startApplication(boolean dropEvents) {
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
            if (dropEvents) {
                config.set("events.capacity", "1").set("events.flush-interval", "1h");
            }
            schematic = QuarkusSchematic.start(config.properties());
            for (Map<String, String> company : companies) {
                replicate(schematic, company);
            }
            restChecks = api.flagChecks();
        }

        void stopApplication() {
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

    @State(Scope.Benchmark)
    public static class Ours extends Replicated {
        @Param({ "delivered", "dropped" })
        String events;

        @Setup(Level.Trial)
        public void start() {
            startApplication(events.equals("dropped"));
        }

        @TearDown(Level.Trial)
        public void stop() {
            stopApplication();
        }
    }

    /** The application's local answers alone, their events refused by a sink that does nothing else. */
    @State(Scope.Benchmark)
    public static class Answers extends Replicated {
        LocalAnswers local;

        @Setup(Level.Trial)
        public void start() {
            startApplication(true);
            local = QuarkusSchematic.localAnswers(new Refusing());
        }

        @TearDown(Level.Trial)
        public void stop() {
            stopApplication();
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

    /** An event sink that refuses every event and does nothing else: a full buffer without its bookkeeping. */
    static final class Refusing implements EventSink {
        @Override
        public boolean offer(String type, Object body, EventOptions options) {
            return false;
        }

        @Override
        public void flush(Duration timeout) {
        }

        @Override
        public EventStats stats() {
            return new EventStats(0, 0, 0, 0, 0, 0, 0);
        }

        @Override
        public void close() {
        }
    }

    /** The next of the 1,000 companies, per thread. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        Map<String, String> next(Replicated application) {
            next = next + 1 == LocalRulesCheck.COMPANIES ? 0 : next + 1;
            return application.companies.get(next);
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

    @Benchmark
    public FlagCheck answers(Answers answers) {
        return answers.local.now(FLAG, answers.companies.get(0), Map.of(), null);
    }

    @Benchmark
    public FlagCheck answers_1000(Answers answers, Cursor cursor) {
        return answers.local.now(FLAG, cursor.next(answers), Map.of(), null);
    }
}
