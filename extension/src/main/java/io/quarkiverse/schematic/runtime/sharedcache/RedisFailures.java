package io.quarkiverse.schematic.runtime.sharedcache;

import java.util.regex.Pattern;

import io.smallrye.mutiny.TimeoutException;

/**
 * How a failed Redis call is counted and described, for every reader of Redis (the shared cache, replicator mode).
 */
public final class RedisFailures {

    /** User info of a Redis URI ({@code redis://user:password@host}) in a client error message. */
    private static final Pattern URI_USER_INFO = Pattern.compile("://[^@/\\s]*@");

    private RedisFailures() {
    }

    /** A timeout (Mutiny's {@code ifNoItem()} fails with its own TimeoutException) or any other failure. */
    public static SharedCacheStatus.Problem problem(Throwable failure) {
        return failure instanceof TimeoutException || failure instanceof java.util.concurrent.TimeoutException
                ? SharedCacheStatus.Problem.TIMEOUT
                : SharedCacheStatus.Problem.FAILURE;
    }

    /** The failure without credentials a Redis URI may carry. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return URI_USER_INFO.matcher(text).replaceAll("://***@");
    }
}
