package io.quarkiverse.schematic.benchmarks.scenarios;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.quarkiverse.schematic.benchmarks.stub.StubSchematic;

/** The loopback Schematic stub, one per trial, shared by the client under test and its floor. */
@State(Scope.Benchmark)
public class StubState {

    StubSchematic server;

    @Setup(Level.Trial)
    public void start() {
        server = StubSchematic.start();
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }
}
