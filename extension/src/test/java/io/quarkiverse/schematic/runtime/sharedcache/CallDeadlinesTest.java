package io.quarkiverse.schematic.runtime.sharedcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallDeadlinesTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);

    /** A real scheduler that counts the timer tasks it was given (tasks to run at once, as ending a call, not). */
    private final AtomicInteger scheduled = new AtomicInteger();
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (delay > 0) {
                scheduled.incrementAndGet();
            }
            return super.schedule(command, delay, unit);
        }
    };
    private final CallDeadlines deadlines = new CallDeadlines(scheduler, TIMEOUT);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aCallWithoutAnswerIsEndedWithinItsTimeoutButNotMuchSooner() throws InterruptedException {
        Watched call = new Watched();
        long start = System.nanoTime();

        deadlines.watch(call);

        assertThat(call.ended.await(2, TimeUnit.SECONDS)).isTrue();
        long after = call.endedAt.get() - start;
        assertThat(after).as("ended after %d ms", after / 1_000_000)
                .isGreaterThanOrEqualTo(TIMEOUT.toNanos() * 7 / 8)
                // the scheduler's own lateness on a busy machine is allowed for
                .isLessThan(TIMEOUT.toNanos() + Duration.ofMillis(100).toNanos());
        assertThat(deadlines.watched()).isZero();
    }

    @Test
    void aCallDoneInTimeIsNeverEnded() throws InterruptedException {
        Watched done = new Watched();
        Watched hanging = new Watched();
        deadlines.watch(done);
        deadlines.watch(hanging);

        done.done.set(true);

        assertThat(hanging.ended.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(done.ended.getCount()).as("the done call was not ended").isEqualTo(1);
        assertThat(deadlines.watched()).isZero();
    }

    @Test
    void manyCallsShareTheirTimerTasksAndNoneIsLeftPending() throws InterruptedException {
        List<Watched> calls = watchForTwoTimeouts();

        assertEachEndedInItsLastEighth(calls);
        // a sweep at most every eighth of the timeout (the initial one included), not one task per call
        assertThat(calls.size()).isGreaterThan(50);
        assertThat(scheduled.get()).as("timer tasks for %d calls", calls.size()).isLessThanOrEqualTo(8 * 3 + 1);
        Thread.sleep(TIMEOUT.toMillis() / 4);
        assertThat(deadlines.watched()).isZero();
        assertThat(scheduler.getQueue()).as("no timer task while no call is watched").isEmpty();
    }

    @Test
    void callsWatchedFromTwoThreadsAtOnceEachEndInTime() throws Exception {
        List<Watched> other = new ArrayList<>();
        Thread second = new Thread(() -> other.addAll(watchForTwoTimeouts()));
        second.start();
        List<Watched> calls = watchForTwoTimeouts();
        second.join();

        assertEachEndedInItsLastEighth(calls);
        assertEachEndedInItsLastEighth(other);
    }

    /** Watches a call every millisecond for two timeouts; every other one is done at once. */
    private List<Watched> watchForTwoTimeouts() {
        List<Watched> calls = new ArrayList<>();
        long until = System.nanoTime() + TIMEOUT.toNanos() * 2;
        while (System.nanoTime() < until) {
            Watched call = new Watched();
            calls.add(call);
            call.watchedAt = System.nanoTime();
            deadlines.watch(call);
            if (calls.size() % 2 == 0) {
                call.done.set(true);
            }
            LockSupport.parkNanos(1_000_000);
        }
        return calls;
    }

    private static void assertEachEndedInItsLastEighth(List<Watched> calls) throws InterruptedException {
        for (Watched call : calls) {
            if (call.done.get()) {
                assertThat(call.ended.getCount()).as("a done call is not ended").isEqualTo(1);
                continue;
            }
            assertThat(call.ended.await(2, TimeUnit.SECONDS)).isTrue();
            long after = call.endedAt.get() - call.watchedAt;
            assertThat(after).as("ended after %d ms", after / 1_000_000)
                    .isGreaterThanOrEqualTo(TIMEOUT.toNanos() * 7 / 8 - Duration.ofMillis(1).toNanos())
                    // the scheduler's own lateness on a busy machine is allowed for
                    .isLessThan(TIMEOUT.toNanos() + Duration.ofMillis(100).toNanos());
        }
    }

    private static final class Watched implements CallDeadlines.Call {
        final AtomicBoolean done = new AtomicBoolean();
        volatile long watchedAt;
        final CountDownLatch ended = new CountDownLatch(1);
        final AtomicLong endedAt = new AtomicLong();

        @Override
        public boolean done() {
            return done.get();
        }

        @Override
        public void end() {
            endedAt.set(System.nanoTime());
            ended.countDown();
        }
    }
}
