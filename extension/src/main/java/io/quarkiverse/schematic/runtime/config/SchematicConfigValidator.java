package io.quarkiverse.schematic.runtime.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks {@code quarkus.schematic.*} at start-up and lists every problem, each naming its property. Values are
 * never echoed for secret properties.
 */
public final class SchematicConfigValidator {

    private SchematicConfigValidator() {
    }

    /** Every problem of this configuration; empty when it is usable. */
    public static List<String> problems(SchematicConfig config) {
        List<String> problems = new ArrayList<>();
        if (!config.offline() && config.apiKey().map(String::isBlank).orElse(true)) {
            problems.add("quarkus.schematic.api-key is required: set it to the secret API key of your Schematic"
                    + " environment, or set quarkus.schematic.offline=true to run without Schematic");
        }
        url(problems, "quarkus.schematic.base-url", config.baseUrl());
        url(problems, "quarkus.schematic.event-capture-url", config.eventCaptureUrl());
        positive(problems, "quarkus.schematic.timeout", config.timeout());
        notNegative(problems, "quarkus.schematic.retry-delay", config.retryDelay());
        notNegative(problems, "quarkus.schematic.max-retries", config.maxRetries());
        positive(problems, "quarkus.schematic.cache.ttl", config.cache().ttl());
        notNegative(problems, "quarkus.schematic.cache.max-size", config.cache().maxSize());
        atLeastOne(problems, "quarkus.schematic.circuit-breaker.request-volume-threshold",
                config.circuitBreaker().requestVolumeThreshold());
        atLeastOne(problems, "quarkus.schematic.circuit-breaker.success-threshold",
                config.circuitBreaker().successThreshold());
        double ratio = config.circuitBreaker().failureRatio();
        if (!(ratio > 0 && ratio <= 1)) {
            problems.add("quarkus.schematic.circuit-breaker.failure-ratio must be greater than 0 and at most 1, was "
                    + ratio);
        }
        notNegative(problems, "quarkus.schematic.circuit-breaker.delay", config.circuitBreaker().delay());
        positive(problems, "quarkus.schematic.events.flush-interval", config.events().flushInterval());
        atLeastOne(problems, "quarkus.schematic.events.max-batch-size", config.events().maxBatchSize());
        atLeastOne(problems, "quarkus.schematic.events.capacity", config.events().capacity());
        notNegative(problems, "quarkus.schematic.events.max-retries", config.events().maxRetries());
        notNegative(problems, "quarkus.schematic.events.shutdown-timeout", config.events().shutdownTimeout());
        notNegative(problems, "quarkus.schematic.webhook.tolerance", config.webhook().tolerance());
        return problems;
    }

    private static void url(List<String> problems, String property, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                problems.add(property + " must be an absolute http or https URL, was '" + value + "'");
            }
        } catch (URISyntaxException e) {
            problems.add(property + " is not a valid URL: '" + value + "' (" + e.getReason() + ")");
        }
    }

    private static void positive(List<String> problems, String property, Duration value) {
        if (value.isZero() || value.isNegative()) {
            problems.add(property + " must be positive, was " + value);
        }
    }

    private static void notNegative(List<String> problems, String property, Duration value) {
        if (value.isNegative()) {
            problems.add(property + " must not be negative, was " + value);
        }
    }

    private static void notNegative(List<String> problems, String property, int value) {
        if (value < 0) {
            problems.add(property + " must not be negative, was " + value);
        }
    }

    private static void atLeastOne(List<String> problems, String property, int value) {
        if (value < 1) {
            problems.add(property + " must be at least 1, was " + value);
        }
    }
}
