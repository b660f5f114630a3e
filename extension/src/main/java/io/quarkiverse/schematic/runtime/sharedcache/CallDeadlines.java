package io.quarkiverse.schematic.runtime.sharedcache;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends the calls no thread waits for when their time is up, with one timer task for all of them instead of one per
 * call. A timer task per call (Mutiny's {@code ifNoItem().after()}) wakes the scheduler's thread for every call: about
 * 80 µs of a cold replicator-mode check, whose two reads each had one, on 2 CPUs.
 * <p>
 * All calls share one timeout, so their deadlines come in the order the calls start, and a queue in that order is all
 * the bookkeeping: a sweep ends the calls at its head whose time is up and forgets those that are done. Sweeps run at
 * most every eighth of the timeout (at least 1 ms apart); a call is ended at the first sweep within that eighth before
 * its deadline, so that no call outlives its timeout, and none is ended sooner than seven eighths of it. No timer task
 * is pending while no call is.
 */
final class CallDeadlines {

    /** A call in flight: {@code done} says whether it has ended, {@code end} ends it now. */
    interface Call {
        boolean done();

        void end();
    }

    private record Pending(Call call, long deadline) {
    }

    private final ScheduledExecutorService scheduler;
    private final long timeoutNanos;
    private final long granularityNanos;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    /** Whether a sweep is scheduled or running: at most one is. */
    private final AtomicBoolean sweepDue = new AtomicBoolean();

    CallDeadlines(ScheduledExecutorService scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeoutNanos = timeout.toNanos();
        this.granularityNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), timeoutNanos / 8);
    }

    /** Ends {@code call} when the timeout has passed and it is not done by then. */
    void watch(Call call) {
        long now = System.nanoTime();
        pending.add(new Pending(call, now + timeoutNanos));
        if (sweepDue.compareAndSet(false, true)) {
            schedule(timeoutNanos - granularityNanos);
        }
    }

    private void schedule(long delayNanos) {
        try {
            scheduler.schedule(this::sweep, Math.max(delayNanos, 0), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // the application stops: its calls end when answered, and no caller is left to wait for them
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        Pending head;
        while ((head = pending.peek()) != null && (head.call.done() || head.deadline - granularityNanos <= now)) {
            pending.poll();
            if (!head.call.done()) {
                head.call.end();
            }
        }
        sweepDue.set(false);
        // a call watched since the queue was read is either seen here or schedules its own sweep
        head = pending.peek();
        if (head != null && sweepDue.compareAndSet(false, true)) {
            schedule(Math.max(head.deadline - granularityNanos - now, granularityNanos));
        }
    }

    /** Calls watched and neither done nor ended by the latest sweep; for tests. */
    int watched() {
        return pending.size();
    }
}
