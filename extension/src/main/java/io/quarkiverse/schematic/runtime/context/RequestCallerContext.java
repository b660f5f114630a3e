package io.quarkiverse.schematic.runtime.context;

import jakarta.enterprise.context.RequestScoped;

import io.quarkiverse.schematic.SchematicContext;

/** The caller's context of one request, resolved when first asked for. */
@RequestScoped
class RequestCallerContext {

    private final CallerContextResolver resolver;
    /* A request may hop threads (reactive endpoints); two threads racing here resolve the same context twice. */
    private volatile SchematicContext context;

    RequestCallerContext(CallerContextResolver resolver) {
        this.resolver = resolver;
    }

    SchematicContext context() {
        SchematicContext resolved = context;
        if (resolved == null) {
            resolved = resolver.resolve();
            context = resolved;
        }
        return resolved;
    }
}
