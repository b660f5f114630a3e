package io.quarkiverse.schematic.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

import io.quarkiverse.schematic.FlagChanged;

/**
 * Records the flag changes the application observes, synchronously (with the observing thread) and asynchronously.
 */
@ApplicationScoped
public class FlagChangeRecorder {

    private static final List<FlagChanged> SYNC = new CopyOnWriteArrayList<>();
    private static final List<String> SYNC_THREADS = new CopyOnWriteArrayList<>();
    private static final List<FlagChanged> ASYNC = new CopyOnWriteArrayList<>();

    void changed(@Observes FlagChanged change) {
        SYNC.add(change);
        SYNC_THREADS.add(Thread.currentThread().getName());
    }

    void changedLater(@ObservesAsync FlagChanged change) {
        ASYNC.add(change);
    }

    static List<FlagChanged> sync() {
        return List.copyOf(SYNC);
    }

    static List<String> syncThreads() {
        return List.copyOf(SYNC_THREADS);
    }

    static List<FlagChanged> async() {
        return List.copyOf(ASYNC);
    }
}
