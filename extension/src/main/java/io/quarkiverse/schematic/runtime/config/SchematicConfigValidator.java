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
            problems.add(
                    ConfigNames.API_KEY + " is required: set it to the secret API key of your Schematic environment, or set "
                            + ConfigNames.OFFLINE + "=true to run without Schematic");
        }
        url(problems, ConfigNames.BASE_URL, config.baseUrl(), "http", "https");
        url(problems, ConfigNames.EVENT_CAPTURE_URL, config.eventCaptureUrl(), "http", "https");
        positive(problems, ConfigNames.TIMEOUT, config.timeout());
        notNegative(problems, ConfigNames.RETRY_DELAY, config.retryDelay());
        notNegative(problems, ConfigNames.MAX_RETRIES, config.maxRetries());
        positive(problems, ConfigNames.property("cache.ttl"), config.cache().ttl());
        notNegative(problems, ConfigNames.property("cache.max-size"), config.cache().maxSize());
        atLeastOne(problems, ConfigNames.property("circuit-breaker.request-volume-threshold"),
                config.circuitBreaker().requestVolumeThreshold());
        atLeastOne(problems, ConfigNames.property("circuit-breaker.success-threshold"),
                config.circuitBreaker().successThreshold());
        double ratio = config.circuitBreaker().failureRatio();
        if (!(ratio > 0 && ratio <= 1)) {
            problems.add(ConfigNames.property("circuit-breaker.failure-ratio") + " must be greater than 0 and at most 1, was "
                    + ratio);
        }
        notNegative(problems, ConfigNames.property("circuit-breaker.delay"), config.circuitBreaker().delay());
        positive(problems, ConfigNames.property("events.flush-interval"), config.events().flushInterval());
        atLeastOne(problems, ConfigNames.property("events.max-batch-size"), config.events().maxBatchSize());
        atLeastOne(problems, ConfigNames.property("events.capacity"), config.events().capacity());
        notNegative(problems, ConfigNames.property("events.max-retries"), config.events().maxRetries());
        notNegative(problems, ConfigNames.property("events.shutdown-timeout"), config.events().shutdownTimeout());
        notNegative(problems, ConfigNames.property("webhook.tolerance"), config.webhook().tolerance());
        localEvaluation(problems, config.localEvaluation());
        return problems;
    }

    private static void localEvaluation(List<String> problems, SchematicConfig.LocalEvaluationConfig config) {
        config.url().ifPresent(url -> url(problems, ConfigNames.LOCAL_EVALUATION_URL, url, "ws", "wss"));
        positive(problems, ConfigNames.property("local-evaluation.entity-wait-timeout"), config.entityWaitTimeout());
        positive(problems, ConfigNames.property("local-evaluation.cache-ttl"), config.cacheTtl());
        atLeastOne(problems, ConfigNames.property("local-evaluation.max-companies"), config.maxCompanies());
        atLeastOne(problems, ConfigNames.property("local-evaluation.max-users"), config.maxUsers());
        atLeastOne(problems, ConfigNames.property("local-evaluation.max-flags"), config.maxFlags());
        positive(problems, ConfigNames.property("local-evaluation.ping-interval"), config.pingInterval());
        positive(problems, ConfigNames.property("local-evaluation.reconnect-delay"), config.reconnectDelay());
        if (config.maxReconnectDelay().compareTo(config.reconnectDelay()) < 0) {
            problems.add(ConfigNames.property("local-evaluation.max-reconnect-delay") + " must not be shorter than "
                    + ConfigNames.property("local-evaluation.reconnect-delay") + ", was " + config.maxReconnectDelay());
        }
    }

    private static void url(List<String> problems, String property, String value, String scheme,
            String secureScheme) {
        try {
            URI uri = new URI(value);
            String given = uri.getScheme();
            if (uri.getHost() == null || !(scheme.equalsIgnoreCase(given) || secureScheme.equalsIgnoreCase(given))) {
                problems.add(property + " must be an absolute " + scheme + " or " + secureScheme + " URL, was '" + value
                        + "'");
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
