package io.quarkiverse.schematic.runtime.config;

import static io.quarkiverse.schematic.runtime.config.SchematicConfig.DEFAULT_BASE_URL;
import static io.quarkiverse.schematic.runtime.config.SchematicConfig.DEFAULT_CIRCUIT_BREAKER_DELAY_SECONDS;
import static io.quarkiverse.schematic.runtime.config.SchematicConfig.DEFAULT_CIRCUIT_BREAKER_ENABLED;
import static io.quarkiverse.schematic.runtime.config.SchematicConfig.DEFAULT_CIRCUIT_BREAKER_FAILURE_RATIO;
import static io.quarkiverse.schematic.runtime.config.SchematicConfig.DEFAULT_CIRCUIT_BREAKER_REQUEST_VOLUME_THRESHOLD;
import static io.quarkiverse.schematic.runtime.config.SchematicConfig.DEFAULT_CIRCUIT_BREAKER_SUCCESS_THRESHOLD;
import static io.quarkiverse.schematic.runtime.config.SchematicConfig.DEFAULT_EVENT_CAPTURE_URL;
import static io.quarkiverse.schematic.runtime.config.SchematicConfig.DEFAULT_MAX_RETRIES;
import static io.quarkiverse.schematic.runtime.config.SchematicConfig.DEFAULT_RETRY_DELAY_SECONDS;
import static io.quarkiverse.schematic.runtime.config.SchematicConfig.DEFAULT_TIMEOUT_SECONDS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkiverse.schematic.runtime.client.ClientHeaders;
import io.quarkiverse.schematic.runtime.client.EventCaptureApi;
import io.quarkiverse.schematic.runtime.client.SchematicApi;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Translates {@code quarkus.schematic.*} into the REST Client and Fault Tolerance properties of the two client
 * interfaces, so users configure one extension while the standard machinery does the work. The values sit at a low
 * ordinal: a user who sets a {@code quarkus.rest-client.schematic.*} or {@code quarkus.fault-tolerance.*} property
 * directly wins. Malformed values are skipped here and reported, naming the property, by
 * {@link SchematicConfigValidator} at start-up.
 */
public class SchematicClientConfigSource implements ConfigSourceFactory {

    static final String NAME = "quarkus-schematic-client-defaults";
    static final int ORDINAL = 50;

    private static final String API = faultTolerance(SchematicApi.class);
    private static final String EVENTS = faultTolerance(EventCaptureApi.class);
    private static final String API_CLIENT = "quarkus.rest-client." + SchematicApi.CONFIG_KEY + ".";
    private static final String EVENTS_CLIENT = "quarkus.rest-client." + EventCaptureApi.CONFIG_KEY + ".";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Translation from = new Translation(context::getValue);
        translate(from);
        return List.of(new PropertiesConfigSource(from.values(), NAME, ORDINAL));
    }

    /** Writes every translated property into {@code from}; package-visible so that a test can compare the defaults. */
    static void translate(Translation from) {
        Map<String, String> values = from.values();
        from.copy(ConfigNames.BASE_URL, DEFAULT_BASE_URL, API_CLIENT + "url");
        from.copy(ConfigNames.EVENT_CAPTURE_URL, DEFAULT_EVENT_CAPTURE_URL, EVENTS_CLIENT + "url");
        // the API key header must never show up in REST Client request logging
        values.put(API_CLIENT + "logging.masked-headers", ClientHeaders.API_KEY);
        values.put(EVENTS_CLIENT + "logging.masked-headers", ClientHeaders.API_KEY);

        // @Timeout bounds each attempt; the read timeout also frees the connection of an attempt that timed out
        from.millis(ConfigNames.TIMEOUT, DEFAULT_TIMEOUT_SECONDS + "s", API + "timeout.value", EVENTS + "timeout.value",
                API_CLIENT + "read-timeout", EVENTS_CLIENT + "read-timeout");
        values.put(API + "timeout.unit", "millis");
        values.put(EVENTS + "timeout.unit", "millis");

        from.copy(ConfigNames.MAX_RETRIES, "" + DEFAULT_MAX_RETRIES, API + "retry.max-retries");
        from.millis(ConfigNames.RETRY_DELAY, DEFAULT_RETRY_DELAY_SECONDS + "s", API + "retry.delay");
        values.put(API + "retry.delay-unit", "millis");

        from.copy(ConfigNames.property("circuit-breaker.enabled"), "" + DEFAULT_CIRCUIT_BREAKER_ENABLED,
                API + "circuit-breaker.enabled");
        from.copy(ConfigNames.property("circuit-breaker.request-volume-threshold"),
                "" + DEFAULT_CIRCUIT_BREAKER_REQUEST_VOLUME_THRESHOLD, API + "circuit-breaker.request-volume-threshold");
        from.copy(ConfigNames.property("circuit-breaker.failure-ratio"), "" + DEFAULT_CIRCUIT_BREAKER_FAILURE_RATIO,
                API + "circuit-breaker.failure-ratio");
        from.copy(ConfigNames.property("circuit-breaker.success-threshold"),
                "" + DEFAULT_CIRCUIT_BREAKER_SUCCESS_THRESHOLD, API + "circuit-breaker.success-threshold");
        from.millis(ConfigNames.property("circuit-breaker.delay"), DEFAULT_CIRCUIT_BREAKER_DELAY_SECONDS + "s",
                API + "circuit-breaker.delay");
        values.put(API + "circuit-breaker.delay-unit", "millis");
    }

    /**
     * Fault Tolerance identifies the REST client's methods by the CDI bean class Quarkus generates for the interface
     * ({@code <interface>$$CDIWrapper}), so class-level settings go under that name. RetryAndTimeoutTest proves it.
     */
    private static String faultTolerance(Class<?> restClient) {
        return "quarkus.fault-tolerance.\"" + restClient.getName() + "$$CDIWrapper\".";
    }

    /**
     * Reads {@code quarkus.schematic.*} values (or their defaults) and writes them under other names. Remembers the
     * default of each property it read, for the test that compares them with the config mapping.
     */
    static final class Translation {

        private final Function<String, ConfigValue> configured;
        private final Map<String, String> values = new HashMap<>();
        private final Map<String, String> defaults = new HashMap<>();

        Translation(Function<String, ConfigValue> configured) {
            this.configured = configured;
        }

        Map<String, String> values() {
            return values;
        }

        /** Each property read, with the default used when it is not set. */
        Map<String, String> defaults() {
            return defaults;
        }

        void copy(String property, String defaultValue, String... targets) {
            convert(property, defaultValue, Function.identity(), targets);
        }

        void millis(String property, String defaultValue, String... targets) {
            convert(property, defaultValue, value -> Long.toString(DurationConverter.parseDuration(value).toMillis()),
                    targets);
        }

        private void convert(String property, String defaultValue, Function<String, String> conversion,
                String... targets) {
            defaults.put(property, defaultValue);
            ConfigValue value = configured.apply(property);
            String raw = value == null || value.getValue() == null ? defaultValue : value.getValue();
            String converted;
            try {
                converted = conversion.apply(raw.trim());
            } catch (RuntimeException malformed) {
                return;
            }
            for (String target : targets) {
                values.put(target, converted);
            }
        }
    }
}
