package io.quarkiverse.schematic.benchmarks.scenarios;

import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.COMPANY;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.EVENT;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.QUANTITY;
import static io.quarkiverse.schematic.benchmarks.scenarios.Workload.USER;

import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.quarkiverse.schematic.benchmarks.clients.EventClient;
import io.quarkiverse.schematic.benchmarks.clients.floor.SyncBatchEventClient;
import io.quarkiverse.schematic.benchmarks.clients.ours.QuarkusSchematic;
import io.quarkiverse.schematic.benchmarks.clients.ours.SchematicEventClient;
import io.quarkiverse.schematic.benchmarks.stub.StubSchematic;

/**
 * End-to-end event delivery: one operation enqueues {@value #EVENTS} track events and waits until the stub has
 * them all, so the score is events per second that reached the capture service. The stub counts requests and
 * events; their ratio (requests per 100 events) shows how well events are batched.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { Workload.LOG_MANAGER, "-Xms1g", "-Xmx1g" })
public class EventDelivery {

    private static final Logger LOG = Logger.getLogger(EventDelivery.class);

    static final int EVENTS = 1000;
    static final int BATCH_SIZE = 100;

    /** What reached the stub during the iteration: JMH sums these over the measured iterations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Wire {
        public long stubRequests;
        public long stubEvents;

        @Setup(Level.Iteration)
        public void reset() {
            stubRequests = 0;
            stubEvents = 0;
        }

        void record(StubSchematic stub, long requestsBefore, long eventsBefore) {
            stubRequests += stub.batchRequests() - requestsBefore;
            stubEvents += stub.batchEvents() - eventsBefore;
        }
    }

    @State(Scope.Benchmark)
    public static class Ours {
        EventClient client;

        @Setup(Level.Trial)
        public void start(StubState stub) {
            client = new SchematicEventClient(QuarkusSchematic.start(OursConfig.api(stub.server.url())
                    .set("events.max-batch-size", Integer.toString(BATCH_SIZE)).properties()));
        }

        @TearDown(Level.Trial)
        public void stop() {
            LOG.infof("[ours] event buffer: %s", QuarkusSchematic.eventStats());
            QuarkusSchematic.stop();
        }
    }

    @State(Scope.Benchmark)
    public static class Floor {
        EventClient client;

        @Setup(Level.Trial)
        public void start(StubState stub) {
            client = new SyncBatchEventClient(stub.server.url(), BATCH_SIZE);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void ours(Ours ours, StubState stub, Wire wire) {
        deliver(ours.client, stub.server, wire);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void floor(Floor floor, StubState stub, Wire wire) {
        deliver(floor.client, stub.server, wire);
    }

    private static void deliver(EventClient client, StubSchematic stub, Wire wire) {
        long requests = stub.batchRequests();
        long events = stub.batchEvents();
        for (int i = 0; i < EVENTS; i++) {
            client.track(EVENT, COMPANY, USER, QUANTITY);
        }
        client.flush();
        wire.record(stub, requests, events);
        if (stub.batchEvents() - events != EVENTS) {
            throw new IllegalStateException("flush returned before the stub had every event: "
                    + (stub.batchEvents() - events) + " of " + EVENTS);
        }
    }
}
