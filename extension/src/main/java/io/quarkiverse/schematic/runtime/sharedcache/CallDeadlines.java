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
 * most every eighth of the timeout (and at least 1 ms apart); a call is ended at the first sweep within that eighth
 * before its deadline, so none is ended sooner than seven eighths of its timeout, and, unless the scheduler's thread
 * runs late, none later than its timeout. Once a sweep has found every watched call done, no timer task is pending.
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
        pending.add(new Pending(call, System.nanoTime() + timeoutNanos));
        if (sweepDue.compareAndSet(false, true)) {
            scheduleForHead(0);
        }
    }

    /**
     * Schedules the next sweep for when the oldest call is due (not sooner than {@code minDelayNanos}); the caller
     * holds {@link #sweepDue}. Always reckoned from the head, whoever schedules: a call watched while a sweep ends
     * must not push the oldest call's end back.
     */
    private void scheduleForHead(long minDelayNanos) {
        Pending head = pending.peek();
        if (head == null) {
            sweepDue.set(false);
            // watched meanwhile, after the peek: that call's own watch found sweepDue set, so schedule for it here
            if (pending.peek() != null && sweepDue.compareAndSet(false, true)) {
                scheduleForHead(minDelayNanos);
            }
            return;
        }
        long delay = Math.max(head.deadline - granularityNanos - System.nanoTime(), minDelayNanos);
        try {
            scheduler.schedule(this::sweep, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // the application stops: its calls end when answered, and no caller is left to wait for them
            sweepDue.set(false);
        }
    }

    private void sweep() {
        try {
            Pending head;
            while ((head = pending.peek()) != null
                    && (head.call.done() || head.deadline - granularityNanos <= System.nanoTime())) {
                pending.poll();
                if (!head.call.done()) {
                    // each in a task of its own: ending a call runs what follows it (the fallback to the REST API,
                    // the next write), which must not hold up the sweep or the calls ended with it
                    endInTask(head.call);
                }
            }
        } finally {
            // the sweep in progress still holds sweepDue: a call watched meanwhile left the scheduling to it
            scheduleForHead(granularityNanos);
        }
    }

    private void endInTask(Call call) {
        try {
            scheduler.execute(call::end);
        } catch (RejectedExecutionException stopping) {
            call.end();
        }
    }

    /** Calls watched and not yet removed by a sweep (done ones stay until a sweep reaches them); for tests. */
    int watched() {
        return pending.size();
    }
}
