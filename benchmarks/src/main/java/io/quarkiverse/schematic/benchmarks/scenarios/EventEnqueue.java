package io.quarkiverse.schematic.benchmarks.scenarios;

import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.COMPANY;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.EVENT;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.QUANTITY;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.USER;

import java.util.concurrent.TimeUnit;

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

import io.quarkiverse.schematic.benchmarks.clients.EventClient;
import io.quarkiverse.schematic.benchmarks.clients.floor.QueueOnlyEventClient;
import io.quarkiverse.schematic.benchmarks.clients.ours.QuarkusSchematic;
import io.quarkiverse.schematic.benchmarks.clients.ours.SchematicEventClient;
import io.quarkiverse.schematic.benchmarks.stub.BlackHole;
import io.quarkiverse.schematic.benchmarks.stub.StubSchematic;

/**
 * What {@code identify}/{@code track} cost the caller, with the capture service up (the stub) and unreachable (a
 * closed port). AverageTime gives ns/op; SampleTime gives the per-call distribution (p50..max), which shows
 * whether a caller ever waits for the network.
 * <p>
 * The caller here enqueues far faster than any capture service could take events, so the buffer's capacity is
 * raised for this scenario: every measured call takes the accept path, never the cheaper drop path. The fork prints
 * the buffer's counters at the end to prove it (dropped=0).
 */
@BenchmarkMode({ Mode.AverageTime, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { Workload.LOG_MANAGER, "-Xms4g", "-Xmx4g" })
public class EventEnqueue {

    /** Room for every event one fork can enqueue in a short run, so none is dropped. */
    static final String CAPACITY = "40000000";

    @State(Scope.Benchmark)
    public static class Ours {
        /** Where the buffered events go: the stub, or a closed port (connection refused). */
        @Param({ "up", "unreachable" })
        public String captureService;

        EventClient client;
        StubSchematic stub;

        @Setup(Level.Trial)
        public void start() {
            stub = StubSchematic.start();
            String capture = "up".equals(captureService) ? stub.url() : BlackHole.closedPortUrl();
            client = new SchematicEventClient(QuarkusSchematic.start(OursConfig.api(stub.url())
                    .set("event-capture-url", capture)
                    .set("events.capacity", CAPACITY)
                    .set("events.shutdown-timeout", "1s")
                    .properties()));
        }

        @TearDown(Level.Trial)
        public void stop() {
            System.out.println("\n[ours] event buffer: " + QuarkusSchematic.eventStats() + ", batches at the stub: "
                    + stub.batchRequests());
            QuarkusSchematic.stop();
            stub.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Floor {
        final EventClient client = new QueueOnlyEventClient();

        /** Starts each iteration with an empty queue, as a sender thread would keep it. */
        @Setup(Level.Iteration)
        public void empty() {
            client.flush();
        }
    }

    @Benchmark
    public void ours_track(Ours ours) {
        ours.client.track(EVENT, COMPANY, USER, QUANTITY);
    }

    @Benchmark
    public void ours_identify(Ours ours) {
        ours.client.identify(USER, "Jane", COMPANY, "Acme Inc");
    }

    @Benchmark
    public void floor_track(Floor floor) {
        floor.client.track(EVENT, COMPANY, USER, QUANTITY);
    }
}
