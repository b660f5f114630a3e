package io.quarkiverse.schematic;

import java.util.Map;

/**
 * One company and/or user to check flags for, as an element of
 * {@link SchematicService#checkFlagsBulk(java.util.List)}. Keys are maps such as {@code Map.of("id", "acme")};
 * {@code null} or an empty map means "no keys".
 *
 * @param company keys of the company (never {@code null}: empty when there is no company)
 * @param user keys of the user (never {@code null}: empty when there is no user)
 */
public record CheckContext(Map<String, String> company, Map<String, String> user) {

    /**
     * @throws IllegalArgumentException if a key name or value is null or blank
     */
    public CheckContext {
        company = Arguments.optionalKeys(company, "company");
        user = Arguments.optionalKeys(user, "user");
    }

    /** A context with a company and a user. */
    public static CheckContext of(Map<String, String> company, Map<String, String> user) {
        return new CheckContext(company, user);
    }

    /** A context with a company only. */
    public static CheckContext company(Map<String, String> company) {
        return new CheckContext(company, Map.of());
    }

    /** A context with a user only. */
    public static CheckContext user(Map<String, String> user) {
        return new CheckContext(Map.of(), user);
    }
}
