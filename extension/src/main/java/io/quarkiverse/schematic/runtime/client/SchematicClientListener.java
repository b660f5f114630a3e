package io.quarkiverse.schematic.runtime.client;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;
import org.jboss.logging.Logger;

import io.quarkus.rest.client.reactive.runtime.RestClientBuilderImpl;

/**
 * Gives the two Schematic clients a {@link MaskingClientLogger}: the REST Client offers no per-client logger setting,
 * and a {@code ClientLogger} bean would replace the logger of every client of the application. Registered as a
 * service ({@code META-INF/services}); the REST Client calls it for every client it builds, before the logger is set.
 */
public class SchematicClientListener implements RestClientListener {

    private static final Logger LOG = Logger.getLogger(SchematicClientListener.class);

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        if (serviceInterface != SchematicApi.class && serviceInterface != EventCaptureApi.class) {
            return;
        }
        if (builder instanceof RestClientBuilderImpl quarkusBuilder) {
            quarkusBuilder.clientLogger(new MaskingClientLogger());
        } else {
            // only with a REST Client this extension was not built for; SecretHygieneTest fails first
            LOG.warnf("Cannot install the masking request logger on %s (%s): do not enable its request logging",
                    serviceInterface.getSimpleName(), builder.getClass().getName());
        }
    }
}
