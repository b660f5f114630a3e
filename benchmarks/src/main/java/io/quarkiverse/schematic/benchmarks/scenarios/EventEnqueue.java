package io.quarkiverse.schematic.benchmarks.scenarios;

import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.COMPANY;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.EVENT;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.QUANTITY;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.USER;

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

import io.quarkiverse.schematic.benchmarks.clients.EventClient;
import io.quarkiverse.schematic.benchmarks.clients.floor.DeliveringEventClient;
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
 * Calls are paced: before each one (outside the measured time) the caller parks for ~{@value #PAUSE_MICROS} us, as
 * an application thread does other work between two events. Why: a tight loop enqueues millions of events per
 * second, far more than any capture service takes, so the buffer would either fill up and measure the (cheaper) drop
 * path, or, with a huge capacity, retain millions of events and measure the garbage collector copying them. Paced,
 * the buffer stays small while the capture service is up; while it is unreachable the buffer grows (the capacity is
 * raised so no event is dropped during the run). The fork prints the buffer's counters at the end (dropped=0).
 * <p>
 * Pacing needs {@code Level.Invocation}, so JMH times every call on its own: both ours and the floor include the
 * same ~20-30 ns of {@code System.nanoTime()} overhead.
 */
@BenchmarkMode({ Mode.AverageTime, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { Workload.LOG_MANAGER, "-Xms1g", "-Xmx1g" })
public class EventEnqueue {

    private static final Logger LOG = Logger.getLogger(EventEnqueue.class);

    /** Room for every event one fork enqueues in a full run (paced, a few 10k per second), so none is dropped. */
    static final String CAPACITY = "2000000";
    static final long PAUSE_MICROS = 20;

    /** The pause between two calls, shared by ours and the floor. */
    @State(Scope.Thread)
    public static class Pacing {
        @Setup(Level.Invocation)
        public void pause() {
            LockSupport.parkNanos(PAUSE_MICROS * 1_000);
        }
    }

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
            LOG.infof("[ours] event buffer: %s, batches at the stub: %d", QuarkusSchematic.eventStats(),
                    stub.batchRequests());
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

    /** The floor with its events delivered by another thread to the same kind of stub (capture service up). */
    @State(Scope.Benchmark)
    public static class DeliveringFloor {
        StubSchematic stub;
        DeliveringEventClient client;

        @Setup(Level.Trial)
        public void start() {
            stub = StubSchematic.start();
            client = new DeliveringEventClient(stub.url());
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
            LOG.infof("[floor, delivering] batches at the stub: %d (%d events), refused: %d", stub.batchRequests(),
                    stub.batchEvents(), client.refusedBatches());
            stub.close();
        }
    }

    @Benchmark
    public void ours_track(Ours ours, Pacing pacing) {
        ours.client.track(EVENT, COMPANY, USER, QUANTITY);
    }

    @Benchmark
    public void ours_identify(Ours ours, Pacing pacing) {
        ours.client.identify(USER, "Jane", COMPANY, "Acme Inc");
    }

    @Benchmark
    public void floor_track(Floor floor, Pacing pacing) {
        floor.client.track(EVENT, COMPANY, USER, QUANTITY);
    }

    @Benchmark
    public void floor_track_delivered(DeliveringFloor floor, Pacing pacing) {
        floor.client.track(EVENT, COMPANY, USER, QUANTITY);
    }
}
