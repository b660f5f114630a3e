package io.quarkiverse.schematic.openfeature;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.openfeature.sdk.OpenFeatureAPI;
import io.quarkiverse.schematic.FlagChanged;
import io.quarkiverse.schematic.SchematicService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Makes {@link SchematicProvider} a bean and, unless {@value #ENABLED} is {@code false}, OpenFeature's default provider
 * from start-up until shutdown.
 * <p>
 * The properties belong to the extension's configuration ({@code quarkus.schematic.openfeature.*}), which declares them
 * with their defaults, so that they are documented with every other property and Quarkus does not warn about them.
 */
@ApplicationScoped
public class SchematicProviderProducer {

    /** Whether the provider is registered as OpenFeature's default provider at start-up (default {@code true}). */
    public static final String ENABLED = "quarkus.schematic.openfeature.enabled";
    /** Where the evaluation context's targeting key goes: {@code user.<key>} or {@code company.<key>}. */
    public static final String TARGETING_KEY_AS = "quarkus.schematic.openfeature.targeting-key-as";

    private static final Logger LOG = Logger.getLogger(SchematicProviderProducer.class);

    @Produces
    @Singleton
    SchematicProvider provider(SchematicService schematic,
            @ConfigProperty(name = TARGETING_KEY_AS) String targetingKeyAs) {
        try {
            return new SchematicProvider(schematic, ContextMapping.targetingKeyAs(targetingKeyAs));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(TARGETING_KEY_AS + ": " + e.getMessage(), e);
        }
    }

    void register(@Observes StartupEvent start, SchematicProvider provider,
            @ConfigProperty(name = ENABLED) boolean enabled) {
        if (enabled) {
            OpenFeatureAPI.getInstance().setProviderAndWait(provider);
            LOG.debug("Schematic is OpenFeature's default provider");
        }
    }

    /** With local evaluation, a flag changed on the DataStream tells OpenFeature's handlers which flag changed. */
    void flagChanged(@Observes FlagChanged changed, SchematicProvider provider) {
        provider.flagsChanged(Set.of(changed.flag()));
    }

    /** The provider answers through SchematicService, which stops with the application: OpenFeature must stop too. */
    void unregister(@Observes ShutdownEvent stop, SchematicProvider provider,
            @ConfigProperty(name = ENABLED) boolean enabled) {
        if (enabled && OpenFeatureAPI.getInstance().getProvider() == provider) {
            OpenFeatureAPI.getInstance().shutdown();
        }
    }
}
