package io.quarkiverse.schematic;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Per-request overrides for {@link SchematicService#withOptions(RequestOptions)}. Immutable.
 *
 * <ul>
 * <li>{@code timeout}: deadline of the whole call, retries and backoff included.</li>
 * <li>{@code maxRetries}: retries for this call, at most {@code quarkus.schematic.max-retries}.</li>
 * </ul>
 *
 * <pre>
 * schematic.withOptions(RequestOptions.timeout(Duration.ofSeconds(2)).maxRetries(0))
 * </pre>
 */
public final class RequestOptions {

    private static final RequestOptions DEFAULTS = new RequestOptions(null, null);

    private final Duration timeout;
    private final Integer maxRetries;

    private RequestOptions(Duration timeout, Integer maxRetries) {
        this.timeout = timeout;
        this.maxRetries = maxRetries;
    }

    /** No overrides: the configured client policy. */
    public static RequestOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Options with a deadline for the whole call.
     *
     * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
     */
    public static RequestOptions timeout(Duration timeout) {
        return DEFAULTS.withTimeout(timeout);
    }

    /**
     * A copy with a deadline for the whole call.
     *
     * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
     */
    public RequestOptions withTimeout(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        return new RequestOptions(timeout, maxRetries);
    }

    /**
     * A copy with this many retries ({@code 0}: one attempt only).
     *
     * @throws IllegalArgumentException if {@code maxRetries} is negative
     */
    public RequestOptions maxRetries(int maxRetries) {
        int checked = (int) Arguments.notNegative(maxRetries, "maxRetries");
        return new RequestOptions(timeout, checked);
    }

    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    public OptionalInt maxRetries() {
        return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
    }

    /** Equal when both ask for the same overrides. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof RequestOptions that && Objects.equals(timeout, that.timeout)
                && Objects.equals(maxRetries, that.maxRetries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, maxRetries);
    }

    @Override
    public String toString() {
        return "RequestOptions[timeout=" + timeout + ", maxRetries=" + maxRetries + "]";
    }
}
