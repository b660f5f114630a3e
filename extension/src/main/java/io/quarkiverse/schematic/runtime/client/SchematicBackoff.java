package io.quarkiverse.schematic.runtime.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * Delay before each retry: {@code Retry-After} when Schematic sent one (no jitter), otherwise the initial delay
 * doubled per retry with +/-10% jitter; both capped at one minute. Fault Tolerance creates one instance per call.
 */
public class SchematicBackoff implements CustomBackoffStrategy {

    static final long MAX_DELAY_MILLIS = Duration.ofMinutes(1).toMillis();

    private long nextBaseDelay;

    @Override
    public void init(long initialDelayInMillis) {
        nextBaseDelay = initialDelayInMillis;
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long base = nextBaseDelay;
        nextBaseDelay = Math.min(MAX_DELAY_MILLIS, base * 2);
        if (cause instanceof TransientHttpException httpFailure && httpFailure.retryAfter() != null) {
            return Math.min(MAX_DELAY_MILLIS, httpFailure.retryAfter().toMillis());
        }
        double jitter = ThreadLocalRandom.current().nextDouble(0.9, 1.1);
        return Math.min(MAX_DELAY_MILLIS, Math.round(base * jitter));
    }
}
