package io.quarkiverse.schematic.benchmarks.clients.ours;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.runtime.SchematicCore;
import io.quarkiverse.schematic.runtime.datastream.LocalEvaluation;
import io.quarkiverse.schematic.runtime.events.EventSink;
import io.quarkiverse.schematic.runtime.events.EventStats;
import io.quarkiverse.schematic.runtime.flags.LocalAnswers;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/**
 * Boots this module's Quarkus application inside the JMH fork and hands out the real {@link SchematicService} bean.
 * <p>
 * Why in the fork: each scenario needs its own {@code quarkus.schematic.*} (cache on/off, stub or black-holed URL),
 * and a JMH fork is one fresh JVM per benchmark, so system properties set just before boot configure exactly that
 * benchmark. The application runs on a background thread and stays up until {@link #stop()}.
 */
public final class QuarkusSchematic {

    private static final long BOOT_TIMEOUT_SECONDS = 60;

    private static CompletableFuture<SchematicService> running;
    private static Thread mainThread;

    private QuarkusSchematic() {
    }

    /**
     * Boots the application with these properties (added to the module's application.properties) and returns the
     * service. One application per JVM: a second call returns the running one.
     */
    public static synchronized SchematicService start(Map<String, String> properties) {
        if (running != null) {
            return running.join();
        }
        properties.forEach(System::setProperty);
        running = new CompletableFuture<>();
        mainThread = new Thread(() -> Quarkus.run(App.class, (code, failure) -> {
            if (failure != null) {
                running.completeExceptionally(failure);
            } else if (!running.isDone()) {
                running.completeExceptionally(new IllegalStateException("Quarkus exited with code " + code));
            }
        }), "quarkus-main");
        mainThread.setDaemon(true);
        mainThread.start();
        try {
            return running.get(BOOT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Quarkus did not start", e);
        }
    }

    /** Counters of our event buffer: benchmarks print them to show whether events were dropped. */
    /**
     * The running application's local answers (the same replica and memo its {@code SchematicService} uses), sending
     * their {@code flag_check} events to {@code events}.
     */
    public static LocalAnswers localAnswers(EventSink events) {
        return Arc.container().instance(LocalEvaluation.class).get().answers(events);
    }

    public static EventStats eventStats() {
        return Arc.container().instance(SchematicCore.class).get().events().stats();
    }

    /** Stops the application (delivering queued events within the configured shutdown timeout). */
    public static synchronized void stop() {
        if (running == null) {
            return;
        }
        Quarkus.asyncExit();
        try {
            mainThread.join(TimeUnit.SECONDS.toMillis(BOOT_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = null;
    }

    /** Publishes the bean, then idles until asked to exit. */
    public static class App implements QuarkusApplication {
        @Override
        public int run(String... args) {
            running.complete(Arc.container().instance(SchematicService.class).get());
            Quarkus.waitForExit();
            return 0;
        }
    }
}
