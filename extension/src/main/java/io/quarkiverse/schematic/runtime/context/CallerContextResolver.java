package io.quarkiverse.schematic.runtime.context;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.schematic.SchematicContext;
import io.quarkiverse.schematic.SchematicContextResolver;
import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkiverse.schematic.runtime.logging.LogThrottle;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Resolves the caller's context with the application's {@link SchematicContextResolver} if it has one, else with the
 * configured mapping. A failing resolver gives an empty context: flag checks must not throw because of it. Created
 * with the first request that asks for the context; {@link CallerContextRecorder} checks the mapping at start-up.
 */
@Singleton
class CallerContextResolver {

    private static final Logger LOG = Logger.getLogger(CallerContextResolver.class);

    private final SchematicContextResolver resolver;
    private final LogThrottle failureLog = new LogThrottle(Duration.ofMinutes(1));

    CallerContextResolver(Instance<SchematicContextResolver> application, SchematicConfig config,
            Instance<SecurityIdentity> identity, Instance<RequestHeaders> headers, Instance<TokenClaims> claims) {
        this.resolver = application.isResolvable() ? application.get()
                : new ConfiguredContextResolver(config.context(), identity, optional(headers), optional(claims));
    }

    private static <T> Optional<T> optional(Instance<T> instance) {
        return instance.isResolvable() ? Optional.of(instance.get()) : Optional.empty();
    }

    SchematicContext resolve() {
        try {
            SchematicContext context = resolver.resolve();
            return context == null ? SchematicContext.EMPTY : context;
        } catch (RuntimeException failure) {
            if (failureLog.allow()) {
                // the type only: the message of an application's exception may carry request data
                LOG.warnf("The Schematic request context could not be resolved (%s): the request's flag checks use"
                        + " no company and no user keys", failure.getClass().getName());
            }
            return SchematicContext.EMPTY;
        }
    }
}
