package io.quarkiverse.schematic;

import java.util.Map;

/**
 * The company and user keys of the caller: whoever the current request is made for. The extension resolves it once
 * per request, from the mapping configured under {@code quarkus.schematic.context.*} or from an application bean
 * implementing {@link SchematicContextResolver}; {@link SchematicService#callerContext()} returns it, and the
 * {@code ...ForCaller} checks, {@link RequiresFlag} gates and {@link FlagValue}s use it. Outside a request it is
 * {@link #EMPTY}.
 * <p>
 * Immutable: the maps are copies and cannot be modified.
 *
 * @param company the company keys, such as {@code {"id": "acme"}}; empty when the caller has no company
 * @param user the user keys, such as {@code {"email": "jane@acme.com"}}; empty when the caller has no user
 */
public record SchematicContext(Map<String, String> company, Map<String, String> user) {

    /** No company, no user: the context outside a request, and of an anonymous caller without mapped keys. */
    public static final SchematicContext EMPTY = new SchematicContext(Map.of(), Map.of());

    /**
     * @throws IllegalArgumentException if a key name or value is blank or {@code null}
     */
    public SchematicContext {
        company = Arguments.optionalKeys(company, "company");
        user = Arguments.optionalKeys(user, "user");
    }

    /** A context with these company and user keys; {@code null} means no keys. */
    public static SchematicContext of(Map<String, String> company, Map<String, String> user) {
        return new SchematicContext(company, user);
    }

    /** Whether the caller has company keys. */
    public boolean hasCompany() {
        return !company.isEmpty();
    }

    /** Whether the caller has user keys. */
    public boolean hasUser() {
        return !user.isEmpty();
    }

    /** Whether the caller has neither company nor user keys. */
    public boolean isEmpty() {
        return company.isEmpty() && user.isEmpty();
    }
}
