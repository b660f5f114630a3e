package io.quarkiverse.schematic.docs.snippets.openfeature;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.openfeature.sdk.OpenFeatureAPI;
import io.quarkus.runtime.StartupEvent;

@ApplicationScoped
public class FlagChangeListener {

    private static final Logger LOG = Logger.getLogger(FlagChangeListener.class);

    // tag::openfeature-events[]
    void listen(@Observes StartupEvent start) {
        OpenFeatureAPI.getInstance().onProviderConfigurationChanged(
                event -> LOG.infof("flags changed: %s", event.getFlagsChanged()));
    }
    // end::openfeature-events[]
}
