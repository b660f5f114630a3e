package io.quarkiverse.schematic.runtime.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.microprofile.config.spi.ConfigSource;

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
        Map<String, String> values = new HashMap<>();
        Translation from = new Translation(context, values);

        from.copy("quarkus.schematic.base-url", "https://api.schematichq.com", API_CLIENT + "url");
        from.copy("quarkus.schematic.event-capture-url", "https://c.schematichq.com", EVENTS_CLIENT + "url");
        // the API key header must never show up in REST Client request logging
        values.put(API_CLIENT + "logging.masked-headers", "X-Schematic-Api-Key");
        values.put(EVENTS_CLIENT + "logging.masked-headers", "X-Schematic-Api-Key");

        // @Timeout bounds each attempt; the read timeout also frees the connection of an attempt that timed out
        from.millis("quarkus.schematic.timeout", "60s", API + "timeout.value", EVENTS + "timeout.value",
                API_CLIENT + "read-timeout", EVENTS_CLIENT + "read-timeout");
        values.put(API + "timeout.unit", "millis");
        values.put(EVENTS + "timeout.unit", "millis");

        from.copy("quarkus.schematic.max-retries", "2", API + "retry.max-retries");
        from.millis("quarkus.schematic.retry-delay", "1s", API + "retry.delay", EVENTS + "retry.delay");
        values.put(API + "retry.delay-unit", "millis");
        values.put(EVENTS + "retry.delay-unit", "millis");
        from.copy("quarkus.schematic.events.max-retries", "3", EVENTS + "retry.max-retries");

        from.copy("quarkus.schematic.circuit-breaker.enabled", "true", API + "circuit-breaker.enabled");
        from.copy("quarkus.schematic.circuit-breaker.request-volume-threshold", "10",
                API + "circuit-breaker.request-volume-threshold");
        from.copy("quarkus.schematic.circuit-breaker.failure-ratio", "0.5", API + "circuit-breaker.failure-ratio");
        from.copy("quarkus.schematic.circuit-breaker.success-threshold", "1",
                API + "circuit-breaker.success-threshold");
        from.millis("quarkus.schematic.circuit-breaker.delay", "5s", API + "circuit-breaker.delay");
        values.put(API + "circuit-breaker.delay-unit", "millis");

        return List.of(new PropertiesConfigSource(values, NAME, ORDINAL));
    }

    /**
     * Fault Tolerance identifies the REST client's methods by the CDI bean class Quarkus generates for the interface
     * ({@code <interface>$$CDIWrapper}), so class-level settings go under that name. RetryAndTimeoutTest proves it.
     */
    private static String faultTolerance(Class<?> restClient) {
        return "quarkus.fault-tolerance.\"" + restClient.getName() + "$$CDIWrapper\".";
    }

    /** Reads {@code quarkus.schematic.*} values (or their defaults) and writes them under other names. */
    private record Translation(ConfigSourceContext context, Map<String, String> values) {

        void copy(String property, String defaultValue, String... targets) {
            convert(property, defaultValue, Function.identity(), targets);
        }

        void millis(String property, String defaultValue, String... targets) {
            convert(property, defaultValue, value -> Long.toString(DurationConverter.parseDuration(value).toMillis()),
                    targets);
        }

        private void convert(String property, String defaultValue, Function<String, String> conversion,
                String... targets) {
            ConfigValue configured = context.getValue(property);
            String raw = configured == null || configured.getValue() == null ? defaultValue : configured.getValue();
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
