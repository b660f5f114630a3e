package io.quarkiverse.schematic.runtime.sharedcache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.quarkiverse.schematic.runtime.logging.LogThrottle;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * How the readers and writers of Redis (the shared cache, replicator mode, the shared copy of DataStream entities)
 * bound a call by their timeout and keep their {@link SharedCacheStatus}: a call Redis answered marks it as answering
 * again; one that fails counts as a timeout or a failure, is logged at DEBUG and warned about at most once a minute,
 * without the credentials a Redis URI may carry, and yields nothing ({@code null}) instead of failing.
 * <p>
 * Two bounds, one per kind of caller. A thread that waits for the answer ({@link #await}) bounds its own wait: no
 * timer task, so a call costs the caller's wake-up and nothing more, as a blocking {@code GET} of the Redis client
 * does. Where no thread waits ({@link #inBackground}), {@link CallDeadlines} ends the call when its time is up, with
 * one timer task on Mutiny's scheduler for all calls in flight rather than one per call.
 */
public final class RedisCalls {

    /** User info of a Redis URI ({@code redis://user:password@host}) in a client error message. */
    private static final Pattern URI_USER_INFO = Pattern.compile("://[^@/\\s]*@");

    private final Logger log;
    private final SharedCacheStatus status;
    private final Duration timeout;
    private final String what;
    private final String meanwhile;
    private final LogThrottle warnings = new LogThrottle(Duration.ofMinutes(1));
    private final CallDeadlines deadlines;

    /**
     * @param timeout the longest any call may take
     * @param what the reader, as the warning names it ("The shared flag-check cache (Redis)")
     * @param meanwhile what checks do and where it is counted, as the warning says it
     */
    public RedisCalls(Logger log, SharedCacheStatus status, Duration timeout, String what, String meanwhile) {
        this.log = log;
        this.status = status;
        this.timeout = timeout;
        this.what = what;
        this.meanwhile = meanwhile;
        this.deadlines = new CallDeadlines(Infrastructure.getDefaultWorkerPool(), timeout);
    }

    /**
     * The call's result for a caller that waits for it, waiting at most the timeout on the caller's thread; {@code null}
     * when it failed or took longer (counted).
     */
    public <T> T await(Uni<T> call) {
        try {
            T answer = call.await().atMost(timeout);
            status.succeeded();
            return answer;
        } catch (RuntimeException failure) {
            failed(failure);
            return null;
        }
    }

    /**
     * The call bounded by the timeout without a waiting thread: its result, or a {@code null} item when it failed or
     * took longer (counted); never a failure.
     */
    public <T> Uni<T> inBackground(Uni<T> call) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean ended = new AtomicBoolean();
            Cancellable upstream = call.subscribe().with(emitter.context(), item -> {
                if (ended.compareAndSet(false, true)) {
                    status.succeeded();
                    emitter.complete(item);
                }
            }, failure -> {
                if (ended.compareAndSet(false, true)) {
                    failed(failure);
                    emitter.complete(null);
                }
            });
            // a subscriber that gave up ends the call too, so that it is not counted as timed out
            emitter.onTermination(() -> {
                if (ended.compareAndSet(false, true)) {
                    upstream.cancel();
                }
            });
            if (ended.get()) {
                return;
            }
            deadlines.watch(new CallDeadlines.Call() {
                @Override
                public boolean done() {
                    return ended.get();
                }

                @Override
                public void end() {
                    if (ended.compareAndSet(false, true)) {
                        upstream.cancel();
                        failed(new TimeoutException());
                        emitter.complete(null);
                    }
                }
            });
        });
    }

    void failed(Throwable failure) {
        SharedCacheStatus.Problem problem = problem(failure);
        status.failed(problem);
        log.debugf(failure, "%s: call failed (%s)", what, problem.tag());
        if (warnings.allow()) {
            log.warnf("%s is unavailable (%s: %s): %s", what, problem.tag(), describe(failure), meanwhile);
        }
    }

    /**
     * A timeout ({@link CallDeadlines} and Mutiny's {@code await().atMost()} end a call with Mutiny's TimeoutException) or any
     * other failure.
     */
    static SharedCacheStatus.Problem problem(Throwable failure) {
        return failure instanceof TimeoutException || failure instanceof java.util.concurrent.TimeoutException
                ? SharedCacheStatus.Problem.TIMEOUT
                : SharedCacheStatus.Problem.FAILURE;
    }

    /** The failure without credentials a Redis URI may carry. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return URI_USER_INFO.matcher(text).replaceAll("://***@");
    }
}
