package io.quarkiverse.schematic.runtime.sharedcache;

import java.time.Duration;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.quarkiverse.schematic.runtime.logging.LogThrottle;
import io.smallrye.mutiny.TimeoutException;

/**
 * What a reader of Redis (the shared cache, replicator mode) does with a call that failed: counts it as a timeout or
 * a failure in its {@link SharedCacheStatus}, logs it at DEBUG, and warns at most once a minute, without the
 * credentials a Redis URI may carry.
 */
public final class RedisFailures {

    /** User info of a Redis URI ({@code redis://user:password@host}) in a client error message. */
    private static final Pattern URI_USER_INFO = Pattern.compile("://[^@/\\s]*@");

    private final Logger log;
    private final SharedCacheStatus status;
    private final String what;
    private final String meanwhile;
    private final LogThrottle warnings = new LogThrottle(Duration.ofMinutes(1));

    /**
     * @param what the reader, as the warning names it ("The shared flag-check cache (Redis)")
     * @param meanwhile what checks do and where it is counted, as the warning says it
     */
    public RedisFailures(Logger log, SharedCacheStatus status, String what, String meanwhile) {
        this.log = log;
        this.status = status;
        this.what = what;
        this.meanwhile = meanwhile;
    }

    public void failed(Throwable failure) {
        SharedCacheStatus.Problem problem = problem(failure);
        status.failed(problem);
        log.debugf(failure, "%s: call failed (%s)", what, problem.tag());
        if (warnings.allow()) {
            log.warnf("%s is unavailable (%s: %s): %s", what, problem.tag(), describe(failure), meanwhile);
        }
    }

    /** A timeout (Mutiny's {@code ifNoItem()} fails with its own TimeoutException) or any other failure. */
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
