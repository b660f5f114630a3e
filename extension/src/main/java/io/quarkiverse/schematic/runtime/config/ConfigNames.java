package io.quarkiverse.schematic.runtime.config;

/**
 * Names of the {@code quarkus.schematic.*} properties that code outside the mapping interfaces reads, translates or
 * names in a message. The mapping interfaces derive the same names from their method names; the config mapping test
 * proves that every name here exists there.
 */
public final class ConfigNames {

    /** Prefix of every property of the extension. */
    public static final String PREFIX = "quarkus.schematic";

    public static final String API_KEY = PREFIX + ".api-key";
    public static final String BASE_URL = PREFIX + ".base-url";
    public static final String EVENT_CAPTURE_URL = PREFIX + ".event-capture-url";
    public static final String OFFLINE = PREFIX + ".offline";
    public static final String TIMEOUT = PREFIX + ".timeout";
    public static final String MAX_RETRIES = PREFIX + ".max-retries";
    public static final String RETRY_DELAY = PREFIX + ".retry-delay";
    public static final String FLAG_DEFAULTS = PREFIX + ".flag-defaults";
    public static final String WEBHOOK_SECRET = PREFIX + ".webhook.secret";
    public static final String CONTEXT_COMPANY = PREFIX + ".context.company";
    public static final String CONTEXT_USER = PREFIX + ".context.user";
    public static final String ACCESS_TOKEN_PATH = PREFIX + ".access-token.path";
    public static final String DEVSERVICES_FLAGS = PREFIX + ".devservices.flags";
    public static final String CACHE_BACKEND = PREFIX + ".cache.backend";
    public static final String CACHE_REDIS_CLIENT_NAME = PREFIX + ".cache.redis.client-name";
    public static final String LOCAL_EVALUATION_ENABLED = PREFIX + ".local-evaluation.enabled";
    public static final String LOCAL_EVALUATION_URL = PREFIX + ".local-evaluation.url";
    public static final String REPLICATOR_ENABLED = PREFIX + ".local-evaluation.replicator.enabled";
    public static final String REPLICATOR_READY_URL = PREFIX + ".local-evaluation.replicator.ready-url";

    private ConfigNames() {
    }

    /** The full name of a property given relative to {@link #PREFIX}, e.g. {@code property("cache.ttl")}. */
    public static String property(String relativeName) {
        return PREFIX + "." + relativeName;
    }

    /** The default value of one flag: {@code quarkus.schematic.flag-defaults."<flag>"}. */
    public static String flagDefault(String flag) {
        return FLAG_DEFAULTS + ".\"" + flag + "\"";
    }
}
