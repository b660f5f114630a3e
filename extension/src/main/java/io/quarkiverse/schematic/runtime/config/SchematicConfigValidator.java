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
        positive(problems, ConfigNames.property("cache.redis.timeout"), config.cache().redis().timeout());
        positive(problems, ConfigNames.property("cache.redis.near-cache-ttl"), config.cache().redis().nearCacheTtl());
        notNegative(problems, ConfigNames.property("cache.redis.near-cache-max-size"),
                config.cache().redis().nearCacheMaxSize());
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
        int batch = config.events().maxBatchSize();
        if (batch < 1 || batch > SchematicConfig.MAX_EVENTS_PER_BATCH) {
            problems.add(ConfigNames.property("events.max-batch-size") + " must be between 1 and "
                    + SchematicConfig.MAX_EVENTS_PER_BATCH + " (the most events Schematic's capture service takes in"
                    + " one request), was " + batch);
        }
        atLeastOne(problems, ConfigNames.property("events.capacity"), config.events().capacity());
        notNegative(problems, ConfigNames.property("events.shutdown-timeout"), config.events().shutdownTimeout());
        notNegative(problems, ConfigNames.property("webhook.tolerance"), config.webhook().tolerance());
        oneKeySource(problems, ConfigNames.CONTEXT_COMPANY, config.context().company());
        oneKeySource(problems, ConfigNames.CONTEXT_USER, config.context().user());
        notNegative(problems, ConfigNames.property("access-token.expiry-margin"), config.accessToken().expiryMargin());
        localEvaluation(problems, config.localEvaluation());
        return problems;
    }

    /** A key has one value: two sources would make it depend on which one wins. */
    private static void oneKeySource(List<String> problems, String prefix, SchematicConfig.KeyMappingConfig mapping) {
        List<String> sources = new ArrayList<>();
        mapping.claim().ifPresent(claim -> sources.add(prefix + ".claim"));
        mapping.attribute().ifPresent(attribute -> sources.add(prefix + ".attribute"));
        mapping.header().ifPresent(header -> sources.add(prefix + ".header"));
        if (mapping.principal()) {
            sources.add(prefix + ".principal");
        }
        if (sources.size() > 1) {
            problems.add("set only one of " + String.join(", ", sources) + ": each is a source of the same key");
        }
        if (mapping.keyName().isBlank()) {
            problems.add(prefix + ".key-name must not be blank");
        }
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
        SchematicConfig.ReplicatorConfig replicator = config.replicator();
        url(problems, ConfigNames.REPLICATOR_READY_URL, replicator.readyUrl(), "http", "https");
        positive(problems, ConfigNames.property("local-evaluation.replicator.poll-interval"),
                replicator.pollInterval());
        positive(problems, ConfigNames.property("local-evaluation.replicator.redis-timeout"),
                replicator.redisTimeout());
        // what a check reads from Redis is evaluated from the near cache: without it nothing would answer locally
        positive(problems, ConfigNames.property("local-evaluation.replicator.near-cache-ttl"),
                replicator.nearCacheTtl());
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
