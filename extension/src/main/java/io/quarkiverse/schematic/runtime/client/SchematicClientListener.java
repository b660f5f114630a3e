package io.quarkiverse.schematic.runtime.client;

import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;
import org.jboss.logging.Logger;

import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkus.rest.client.reactive.runtime.RestClientBuilderImpl;

/**
 * Gives the two Schematic clients a {@link MaskingClientLogger} (the REST Client offers no per-client logger setting,
 * and a {@code ClientLogger} bean would replace the logger of every client of the application) and the headers every
 * request carries: the API key and the User-Agent, as default headers of the client, read from the configuration once
 * when the client is built. (A {@code @ClientHeaderParam("${quarkus.schematic.api-key}")} resolved the expression
 * through the configuration on every call, about 10 % of the caller's CPU of an uncached check, issue #10.)
 * Registered as a service ({@code META-INF/services}); the REST Client calls it for every client it builds, before the
 * logger and the default headers are set.
 */
public class SchematicClientListener implements RestClientListener {

    private static final Logger LOG = Logger.getLogger(SchematicClientListener.class);

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        if (serviceInterface != SchematicApi.class && serviceInterface != EventCaptureApi.class) {
            return;
        }
        // absent only with quarkus.schematic.offline, where nothing calls Schematic (SchematicConfigValidator)
        ConfigProvider.getConfig().getOptionalValue(ConfigNames.API_KEY, String.class)
                .ifPresent(key -> builder.header(ClientHeaders.API_KEY, key));
        builder.header(HttpHeaders.USER_AGENT, ClientHeaders.USER_AGENT);
        if (builder instanceof RestClientBuilderImpl quarkusBuilder) {
            quarkusBuilder.clientLogger(new MaskingClientLogger());
        } else {
            // only with a REST Client this extension was not built for; SecretHygieneTest fails first
            LOG.warnf("Cannot install the masking request logger on %s (%s): do not enable its request logging",
                    serviceInterface.getSimpleName(), builder.getClass().getName());
        }
    }
}
