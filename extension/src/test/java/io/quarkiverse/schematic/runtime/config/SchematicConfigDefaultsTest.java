package io.quarkiverse.schematic.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.WithDefault;

/**
 * The REST client and Fault Tolerance settings that {@link SchematicClientConfigSource} writes must start from the
 * same defaults as the {@code @WithDefault} of {@link SchematicConfig}; otherwise an unset property would mean one
 * value in the docs and another on the wire.
 */
class SchematicConfigDefaultsTest {

    @Test
    void configSourceDefaultsAreTheMappingDefaults() {
        SchematicClientConfigSource.Translation translation = new SchematicClientConfigSource.Translation(name -> null);
        SchematicClientConfigSource.translate(translation);

        Map<String, String> defaults = translation.defaults();
        assertThat(defaults).containsKeys(ConfigNames.BASE_URL, ConfigNames.TIMEOUT, ConfigNames.MAX_RETRIES,
                ConfigNames.RETRY_DELAY, ConfigNames.property("circuit-breaker.delay"));
        defaults.forEach((property, sourceDefault) -> assertThat(sourceDefault)
                .as("default of %s in SchematicClientConfigSource", property)
                .isEqualTo(mappingDefault(property)));
    }

    @Test
    void unsetPropertiesTranslateToTheDefaults() {
        SchematicClientConfigSource.Translation translation = new SchematicClientConfigSource.Translation(name -> null);
        SchematicClientConfigSource.translate(translation);

        assertThat(translation.values()).containsEntry("quarkus.rest-client.schematic.url",
                SchematicConfig.DEFAULT_BASE_URL)
                .containsEntry("quarkus.rest-client.schematic.read-timeout",
                        Long.toString(SchematicConfig.DEFAULT_TIMEOUT_SECONDS * 1000))
                .containsEntry("quarkus.rest-client.schematic.logging.masked-headers", "X-Schematic-Api-Key");
    }

    /**
     * Local evaluation starts from the values of Schematic's SDKs: 2 s entity wait, 24 h TTL, 1000 entities. Whether
     * it is on has no fixed default (it follows the dev service).
     */
    @Test
    void localEvaluationDefaultsAreTheSdkValues() {
        assertThat(mappingDefault(ConfigNames.property("local-evaluation.entity-wait-timeout"))).isEqualTo("2s");
        assertThat(mappingDefault(ConfigNames.property("local-evaluation.cache-ttl"))).isEqualTo("24h");
        assertThat(mappingDefault(ConfigNames.property("local-evaluation.max-companies"))).isEqualTo("1000");
        assertThat(mappingDefault(ConfigNames.property("local-evaluation.max-users"))).isEqualTo("1000");
        assertThat(mappingDefault(ConfigNames.property("local-evaluation.ping-interval"))).isEqualTo("27s");
        assertThatThrownBy(() -> mappingDefault(ConfigNames.LOCAL_EVALUATION_ENABLED)).isInstanceOf(AssertionError.class);
    }

    @Test
    void namedPropertiesExistInTheMapping() throws NoSuchMethodException {
        for (String property : new String[] { ConfigNames.API_KEY, ConfigNames.BASE_URL, ConfigNames.EVENT_CAPTURE_URL,
                ConfigNames.OFFLINE, ConfigNames.TIMEOUT, ConfigNames.MAX_RETRIES, ConfigNames.RETRY_DELAY,
                ConfigNames.FLAG_DEFAULTS, ConfigNames.WEBHOOK_SECRET, ConfigNames.LOCAL_EVALUATION_ENABLED,
                ConfigNames.LOCAL_EVALUATION_URL }) {
            assertThat(method(property)).as(property).isNotNull();
        }
    }

    /** The {@code @WithDefault} of the mapping method behind a property, e.g. {@code circuitBreaker().delay()}. */
    private static String mappingDefault(String property) {
        try {
            WithDefault annotation = method(property).getAnnotation(WithDefault.class);
            assertThat(annotation).as("@WithDefault of %s", property).isNotNull();
            return annotation.value();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(property + " is not a property of SchematicConfig", e);
        }
    }

    private static Method method(String property) throws NoSuchMethodException {
        assertThat(property).startsWith(ConfigNames.PREFIX + ".");
        Class<?> type = SchematicConfig.class;
        Method method = null;
        for (String segment : property.substring(ConfigNames.PREFIX.length() + 1).split("\\.")) {
            method = type.getMethod(camelCase(segment));
            type = method.getReturnType();
        }
        return method;
    }

    private static String camelCase(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
