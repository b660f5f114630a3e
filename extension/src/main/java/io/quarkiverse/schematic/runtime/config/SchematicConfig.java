package io.quarkiverse.schematic.runtime.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Runtime configuration of the Schematic extension.
 */
@ConfigMapping(prefix = ConfigNames.PREFIX)
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface SchematicConfig {

    /*
     * Defaults that also appear outside this interface: in SchematicClientConfigSource (which translates them for
     * the REST client and Fault Tolerance) and in the annotations of the REST client interfaces. Everything cites
     * these constants; SchematicConfigDefaultsTest fails when the config source and @WithDefault disagree.
     */
    String DEFAULT_BASE_URL = "https://api.schematichq.com";
    String DEFAULT_EVENT_CAPTURE_URL = "https://c.schematichq.com";
    long DEFAULT_TIMEOUT_SECONDS = 60;
    int DEFAULT_MAX_RETRIES = 2;
    long DEFAULT_RETRY_DELAY_SECONDS = 1;
    /** The most events Schematic's capture service takes in one request; a larger batch is refused. */
    int MAX_EVENTS_PER_BATCH = 100;
    int DEFAULT_EVENTS_MAX_BATCH_SIZE = MAX_EVENTS_PER_BATCH;
    boolean DEFAULT_CIRCUIT_BREAKER_ENABLED = true;
    int DEFAULT_CIRCUIT_BREAKER_REQUEST_VOLUME_THRESHOLD = 10;
    double DEFAULT_CIRCUIT_BREAKER_FAILURE_RATIO = 0.5;
    int DEFAULT_CIRCUIT_BREAKER_SUCCESS_THRESHOLD = 1;
    long DEFAULT_CIRCUIT_BREAKER_DELAY_SECONDS = 5;
    /** The key name under which a mapped company or user value is sent, e.g. {@code {"id": "acme"}}. */
    String DEFAULT_CONTEXT_KEY_NAME = "id";
    long DEFAULT_ACCESS_TOKEN_EXPIRY_MARGIN_SECONDS = 60;
    /** Far below the API's timeout: a slow Redis must cost a check little before it goes on to Schematic. */
    long DEFAULT_CACHE_REDIS_TIMEOUT_MILLIS = 50;
    int DEFAULT_CACHE_REDIS_NEAR_CACHE_MAX_SIZE = 1000;
    long DEFAULT_CACHE_REDIS_NEAR_CACHE_TTL_MILLIS = 1000;
    /*
     * Local evaluation: the values of Schematic's SDKs (DataStream section of the protocol notes), cited by the
     * DataStream client, its tests and docs/local-evaluation.md.
     */
    long DEFAULT_LOCAL_EVALUATION_ENTITY_WAIT_SECONDS = 2;
    long DEFAULT_LOCAL_EVALUATION_CACHE_TTL_HOURS = 24;
    int DEFAULT_LOCAL_EVALUATION_MAX_COMPANIES = 1000;
    int DEFAULT_LOCAL_EVALUATION_MAX_USERS = 1000;
    int DEFAULT_LOCAL_EVALUATION_MAX_FLAGS = 10_000;
    long DEFAULT_LOCAL_EVALUATION_PING_INTERVAL_SECONDS = 27;
    long DEFAULT_LOCAL_EVALUATION_RECONNECT_DELAY_SECONDS = 1;
    long DEFAULT_LOCAL_EVALUATION_MAX_RECONNECT_DELAY_SECONDS = 30;
    /* Replicator mode: the ready endpoint and poll interval of Schematic's SDKs and schematic-replicator. */
    String DEFAULT_REPLICATOR_READY_URL = "http://localhost:8090/ready";
    long DEFAULT_REPLICATOR_POLL_INTERVAL_SECONDS = 30;
    long DEFAULT_REPLICATOR_NEAR_CACHE_TTL_MILLIS = 1000;

    /**
     * Secret API key of your Schematic environment, sent as the {@code X-Schematic-Api-Key} header.
     * Required unless {@code quarkus.schematic.offline=true} or the dev service runs. Never logged.
     */
    Optional<String> apiKey();

    /**
     * Base URL of the Schematic REST API.
     */
    @WithDefault(DEFAULT_BASE_URL)
    String baseUrl();

    /**
     * Base URL of the Schematic event-capture service that receives buffered identify and track events.
     */
    @WithDefault(DEFAULT_EVENT_CAPTURE_URL)
    String eventCaptureUrl();

    /**
     * Offline mode: no network at all. Flags answer from their defaults, identify and track events are
     * dropped (and counted), upserts fail with {@code SchematicOfflineException}.
     */
    @WithDefault("false")
    boolean offline();

    /**
     * Timeout of one request to Schematic (each attempt; retries get their own).
     */
    @WithDefault(DEFAULT_TIMEOUT_SECONDS + "s")
    Duration timeout();

    /**
     * How many times a failed request is retried (on 408, 429, 5xx and connection failures), with exponential
     * backoff and jitter, honouring {@code Retry-After}. {@code 0} disables retries.
     */
    @WithDefault("" + DEFAULT_MAX_RETRIES)
    int maxRetries();

    /**
     * Delay before the first retry; it doubles for every further retry (with +/-10% jitter) up to one minute. A
     * {@code Retry-After} header of Schematic takes precedence.
     */
    @WithDefault(DEFAULT_RETRY_DELAY_SECONDS + "s")
    Duration retryDelay();

    /**
     * Value of a flag when Schematic cannot answer, and in offline mode. A flag with no default answers
     * {@code false}.
     */
    @ConfigDocMapKey("flag-key")
    Map<String, Boolean> flagDefaults();

    /**
     * Cache of flag checks: in this process, or shared by every instance through Redis
     * ({@code quarkus.schematic.cache.backend=redis}).
     */
    @ConfigDocSection
    CacheConfig cache();

    /**
     * Circuit breaker that makes flag checks fail fast while Schematic is unreachable.
     */
    @ConfigDocSection
    CircuitBreakerConfig circuitBreaker();

    /**
     * Buffering of identify and track events.
     */
    @ConfigDocSection
    EventsConfig events();

    /**
     * Verification of incoming Schematic webhooks.
     */
    @ConfigDocSection
    WebhookConfig webhook();

    /**
     * The OpenFeature provider of the {@code quarkus-schematic-openfeature} artifact; ignored without it.
     */
    @ConfigDocSection
    OpenFeatureConfig openfeature();

    interface OpenFeatureConfig {
        /**
         * Whether the provider registers itself as OpenFeature's default provider at start-up. Turn it off to register
         * the injected {@code SchematicProvider} bean yourself, for example for one domain.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * Which company or user key the evaluation context's targeting key becomes: {@code user.<key>} or
         * {@code company.<key>}.
         */
        @WithDefault("user.id")
        String targetingKeyAs();
    }

    /**
     * Where the company and user keys of the caller of a request come from (the request context used by
     * {@code checkFlagForCaller}, {@code @RequiresFlag}, {@code @SchematicFlag} and the token endpoint). An application
     * bean implementing {@code SchematicContextResolver} replaces this mapping.
     */
    @ConfigDocSection
    ContextConfig context();

    /**
     * The token endpoint for Schematic's browser components ({@code quarkus.schematic.access-token.path}).
     */
    @ConfigDocSection
    AccessTokenConfig accessToken();

    interface ContextConfig {
        /**
         * The company keys of the caller. Set at most one source ({@code claim}, {@code attribute}, {@code header} or
         * {@code principal}); none: the caller has no company keys.
         */
        KeyMappingConfig company();

        /**
         * The user keys of the caller. Set at most one source ({@code claim}, {@code attribute}, {@code header} or
         * {@code principal}); none: the caller has no user keys.
         */
        KeyMappingConfig user();
    }

    interface KeyMappingConfig {
        /**
         * Name of the Schematic key that receives the value, e.g. {@code email} for user keys
         * {@code {"email": "jane@acme.com"}}.
         */
        @WithDefault(DEFAULT_CONTEXT_KEY_NAME)
        String keyName();

        /**
         * Take the value from this claim of the caller's JSON Web Token (needs {@code quarkus-smallrye-jwt}), e.g.
         * {@code org_id}.
         */
        Optional<String> claim();

        /**
         * Take the value from this attribute of the caller's {@code SecurityIdentity}, e.g. one an identity
         * augmentor sets.
         */
        Optional<String> attribute();

        /**
         * Take the value from this request header, e.g. {@code X-Tenant}. Trust it only when a gateway in front of
         * the application sets it: a client can send any header. Not allowed for company keys together with the token
         * endpoint, which must never take the company from the request.
         */
        Optional<String> header();

        /**
         * Take the value from the name of the authenticated caller ({@code SecurityIdentity.getPrincipal()}).
         */
        @WithDefault("false")
        boolean principal();
    }

    interface AccessTokenConfig {
        /**
         * A token issued by the token endpoint is reused for the same company until this long before it expires,
         * then a new one is issued.
         */
        @WithDefault(DEFAULT_ACCESS_TOKEN_EXPIRY_MARGIN_SECONDS + "s")
        Duration expiryMargin();
    }

    /**
     * Local evaluation: flag rules, companies and users replicated over Schematic's DataStream (a WebSocket) and
     * flags evaluated in memory. See {@code docs/local-evaluation.md}.
     */
    @ConfigDocSection
    LocalEvaluationConfig localEvaluation();

    interface CacheConfig {
        /**
         * Whether flag checks are cached locally. When disabled, every check makes a request.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * Maximum number of cached flag checks (one per flag and company/user keys).
         */
        @WithDefault("1000")
        int maxSize();

        /**
         * Maximum age of a cached flag check. Ages are measured by a clock that ticks every 5 % of this (10 ms to
         * 1 s), so that a cache hit does not read the system clock: an answer is kept within 5 % of this long.
         */
        @WithDefault("5000ms")
        Duration ttl();

        /**
         * The shared cache, when {@code quarkus.schematic.cache.backend=redis}.
         */
        RedisCacheConfig redis();
    }

    interface RedisCacheConfig {
        /**
         * Namespace of the Redis keys (they read {@code schematic:NAMESPACE:v1:flag:...}): instances with the
         * same namespace share answers, instances with different ones never see each other's. Defaults to a value
         * derived from the API key (a truncated SHA-256, from which the key cannot be recovered), so that two
         * Schematic environments sharing a Redis stay apart without configuration. With local evaluation in direct
         * mode, it also names the flags, companies and users the instances share (keys
         * {@code schematic:company:direct-v1-NAMESPACE:...}).
         */
        Optional<String> namespace();

        /**
         * The longest a flag check waits for Redis (a read on a near-cache miss, or a write). On timeout, on a Redis
         * error and on a value that cannot be read the check goes on to Schematic as if Redis had no answer; such
         * problems are counted ({@code schematic.flag.cache.shared.errors}) and shown by the readiness check. With
         * local evaluation in direct mode, also the bound of each read and write of the shared companies and users (a
         * failure is counted in {@code schematic.datastream.redis.errors}; the company is then requested over the
         * DataStream).
         */
        @WithDefault(DEFAULT_CACHE_REDIS_TIMEOUT_MILLIS + "ms")
        Duration timeout();

        /**
         * Answers kept in this process in front of Redis, so that a hot check does not go to Redis. {@code 0} reads
         * Redis on every check.
         */
        @WithDefault("" + DEFAULT_CACHE_REDIS_NEAR_CACHE_MAX_SIZE)
        int nearCacheMaxSize();

        /**
         * How long this process keeps an answer read from or written to Redis (at most {@code cache.ttl}). A change
         * another instance learns reaches this one at the latest after this long plus {@code cache.ttl}. With local
         * evaluation in direct mode, also how long a company or user read from the shared copy is kept in this process
         * while this instance's own DataStream, asked for it in the background, has not sent it yet. Measured like
         * {@code cache.ttl}, to within 5 %.
         */
        @WithDefault(DEFAULT_CACHE_REDIS_NEAR_CACHE_TTL_MILLIS + "ms")
        Duration nearCacheTtl();
    }

    interface CircuitBreakerConfig {
        /**
         * Whether the circuit breaker guards calls to Schematic.
         */
        @WithDefault("" + DEFAULT_CIRCUIT_BREAKER_ENABLED)
        boolean enabled();

        /**
         * Number of consecutive calls the breaker looks at to decide whether to open.
         */
        @WithDefault("" + DEFAULT_CIRCUIT_BREAKER_REQUEST_VOLUME_THRESHOLD)
        int requestVolumeThreshold();

        /**
         * Ratio of failures within {@code request-volume-threshold} calls that opens the breaker.
         */
        @WithDefault("" + DEFAULT_CIRCUIT_BREAKER_FAILURE_RATIO)
        double failureRatio();

        /**
         * How long the breaker stays open before it lets a trial call through.
         */
        @WithDefault(DEFAULT_CIRCUIT_BREAKER_DELAY_SECONDS + "s")
        Duration delay();

        /**
         * Number of successful trial calls that close the breaker again.
         */
        @WithDefault("" + DEFAULT_CIRCUIT_BREAKER_SUCCESS_THRESHOLD)
        int successThreshold();
    }

    interface EventsConfig {
        /**
         * Buffered events are sent at least this often. It is also the first delay before a failed batch is sent
         * again; the delay doubles (with jitter) up to one minute while sending fails.
         */
        @WithDefault("5s")
        Duration flushInterval();

        /**
         * Maximum number of events in one request to the event-capture service. A batch is sent as soon as it is
         * full. At most 100, the most the capture service takes: a larger value fails start-up.
         */
        @WithDefault("" + DEFAULT_EVENTS_MAX_BATCH_SIZE)
        int maxBatchSize();

        /**
         * Maximum number of buffered events, a batch being retried included. While the capture service cannot be
         * reached (connection failures, timeouts, 408, 429, 5xx), refuses the API key (401, 403) or is not at the
         * configured address (404, 405), events are kept and sent again with backoff, without limit of attempts; once
         * the buffer is full, new events are dropped, counted ({@code schematic.events.dropped}) and logged at ERROR.
         * A batch refused with another 4xx is split until the refused events are isolated: only those are dropped,
         * counted ({@code schematic.events.rejected}) and logged at ERROR.
         */
        @WithDefault("10000")
        int capacity();

        /**
         * How long application shutdown waits for the buffer to be delivered. Events still queued then (or at once
         * when Schematic refuses the API key) are lost, counted ({@code schematic.events.lost}) and logged at ERROR.
         */
        @WithDefault("30s")
        Duration shutdownTimeout();
    }

    interface LocalEvaluationConfig {
        /**
         * Whether flags are evaluated locally from rules replicated over Schematic's DataStream, falling back to the
         * REST check (and then the flag default) whenever the local answer is not available in time. Ignored in
         * offline mode. Not set: on while the application uses the dev service (and its DataStream), off otherwise.
         */
        @ConfigDocDefault("false, true with the dev service")
        Optional<Boolean> enabled();

        /**
         * WebSocket URL of the DataStream. Not set: derived from {@code quarkus.schematic.base-url} (scheme
         * {@code http} becomes {@code ws}, {@code https} becomes {@code wss}, a leading {@code api.} host label
         * becomes {@code datastream.}, path {@code /datastream}), i.e. {@code wss://datastream.schematichq.com/datastream}
         * for the default base URL.
         */
        Optional<String> url();

        /**
         * How long a check waits for a company or user it has not cached yet, which it requests over the DataStream
         * the first time a check needs it. After that the check asks the REST API instead. The reactive API never
         * blocks a thread while it waits.
         */
        @WithDefault(DEFAULT_LOCAL_EVALUATION_ENTITY_WAIT_SECONDS + "s")
        Duration entityWaitTimeout();

        /**
         * How long a cached company or user is used without an update from the DataStream. Flags do not expire: the
         * DataStream sends every change, and the whole set again on each connection. Measured by a clock that ticks
         * once a second, so that a check does not read the system clock.
         */
        @WithDefault(DEFAULT_LOCAL_EVALUATION_CACHE_TTL_HOURS + "h")
        Duration cacheTtl();

        /**
         * Maximum number of cached companies; the least valuable are evicted beyond it (and requested again when a
         * check needs them).
         */
        @WithDefault("" + DEFAULT_LOCAL_EVALUATION_MAX_COMPANIES)
        int maxCompanies();

        /**
         * Maximum number of cached users.
         */
        @WithDefault("" + DEFAULT_LOCAL_EVALUATION_MAX_USERS)
        int maxUsers();

        /**
         * Maximum number of cached flags. Keep it above the number of flags of the environment: a flag that does not
         * fit is answered by the REST API.
         */
        @WithDefault("" + DEFAULT_LOCAL_EVALUATION_MAX_FLAGS)
        int maxFlags();

        /**
         * How often a WebSocket ping keeps the connection alive; a connection silent for two intervals is closed and
         * opened again.
         */
        @WithDefault(DEFAULT_LOCAL_EVALUATION_PING_INTERVAL_SECONDS + "s")
        Duration pingInterval();

        /**
         * Delay before the first reconnection attempt after the DataStream connection is lost; it doubles with every
         * failed attempt (plus up to the same delay of random jitter), up to {@code max-reconnect-delay}. Attempts never
         * stop.
         */
        @WithDefault(DEFAULT_LOCAL_EVALUATION_RECONNECT_DELAY_SECONDS + "s")
        Duration reconnectDelay();

        /**
         * Longest delay between two reconnection attempts (before jitter).
         */
        @WithDefault(DEFAULT_LOCAL_EVALUATION_MAX_RECONNECT_DELAY_SECONDS + "s")
        Duration maxReconnectDelay();

        /**
         * Replicator mode ({@code local-evaluation.replicator.enabled=true}): flags, companies and users come from the
         * Redis that Schematic's replicator fills, instead of a DataStream connection of this instance.
         */
        ReplicatorConfig replicator();
    }

    interface ReplicatorConfig {
        /**
         * The replicator's readiness endpoint. Its JSON answer says whether the replicator is ready ({@code ready})
         * and which cache version its Redis keys carry ({@code cache_version}); until it says ready, checks ask the
         * REST API.
         */
        @WithDefault(DEFAULT_REPLICATOR_READY_URL)
        String readyUrl();

        /**
         * How often the readiness endpoint is asked.
         */
        @WithDefault(DEFAULT_REPLICATOR_POLL_INTERVAL_SECONDS + "s")
        Duration pollInterval();

        /**
         * The longest a check waits for Redis when a flag, company or user is not in this process's near cache;
         * after it, the check asks the REST API. Far below the API's timeout.
         */
        @WithDefault(DEFAULT_CACHE_REDIS_TIMEOUT_MILLIS + "ms")
        Duration redisTimeout();

        /**
         * How long a flag, company or user read from Redis is used by this process before it is read again (the
         * near cache, bounded by {@code max-flags}, {@code max-companies} and {@code max-users}). A change the
         * replicator writes reaches this instance within this time.
         */
        @WithDefault(DEFAULT_REPLICATOR_NEAR_CACHE_TTL_MILLIS + "ms")
        Duration nearCacheTtl();
    }
}
