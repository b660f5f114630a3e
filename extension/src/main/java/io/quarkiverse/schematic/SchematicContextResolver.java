package io.quarkiverse.schematic;

/**
 * Finds the company and user keys of the current request when the configured mapping
 * ({@code quarkus.schematic.context.*}) cannot express them. Make an application bean implement it (for example
 * {@code @ApplicationScoped}); it then replaces the configured mapping.
 * <p>
 * The extension calls {@link #resolve()} at most once per request, inside the request, on the thread that first asks
 * for the context: a worker thread or, for reactive endpoints, the event loop. It may inject request-bound beans
 * such as {@code SecurityIdentity}, {@code JsonWebToken} or {@code HttpHeaders}, and must not block. A resolver that
 * throws yields an {@linkplain SchematicContext#EMPTY empty} context for that request (logged), so flag checks keep
 * their promise of never throwing.
 */
@FunctionalInterface
public interface SchematicContextResolver {

    /** The context of the current request; {@link SchematicContext#EMPTY} when the caller has no keys. */
    SchematicContext resolve();
}
