package io.quarkiverse.schematic.runtime.client;

/**
 * Told about every completed call to the Schematic API (health, metrics). Runs on the thread that completes the call,
 * so it must be cheap and must not block.
 */
@FunctionalInterface
public interface ApiCallListener {

    /**
     * @param operation the API operation, e.g. {@code checkFlag}
     * @param durationNanos time from subscription to completion, retries included
     * @param failure why the call failed after its retries, or {@code null} when it succeeded
     */
    void completed(String operation, long durationNanos, Throwable failure);
}
