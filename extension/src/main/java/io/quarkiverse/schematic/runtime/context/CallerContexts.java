package io.quarkiverse.schematic.runtime.context;

import jakarta.inject.Singleton;

import io.quarkiverse.schematic.SchematicContext;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * The caller's context, for the services and the gates: the one of the active request, {@link SchematicContext#EMPTY}
 * outside a request.
 */
@Singleton
public class CallerContexts {

    private final RequestCallerContext request;

    CallerContexts(RequestCallerContext request) {
        this.request = request;
    }

    public SchematicContext current() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return SchematicContext.EMPTY;
        }
        return request.context();
    }
}
