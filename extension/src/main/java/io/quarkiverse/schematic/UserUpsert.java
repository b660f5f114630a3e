package io.quarkiverse.schematic;

import java.util.Map;
import java.util.Objects;

/**
 * Creates or updates a user by its keys. Immutable: every method returns a new instance.
 */
public final class UserUpsert {

    private final Map<String, String> keys;
    private final Map<String, String> company;
    private final String name;
    private final Map<String, Object> traits;

    private UserUpsert(Map<String, String> keys, Map<String, String> company, String name, Map<String, Object> traits) {
        this.keys = keys;
        this.company = company;
        this.name = name;
        this.traits = traits;
    }

    /**
     * The user with these keys (for example {@code Map.of("email", "jane@acme.com")}).
     *
     * @throws IllegalArgumentException if {@code keys} is null, empty or has a blank name or value
     */
    public static UserUpsert keys(Map<String, String> keys) {
        return new UserUpsert(Arguments.requireKeys(keys, "keys"), Map.of(), null, Map.of());
    }

    /** The company of the user, by its keys; {@code null} or empty: no company. */
    public UserUpsert company(Map<String, String> companyKeys) {
        return new UserUpsert(keys, Arguments.optionalKeys(companyKeys, "company"), name, traits);
    }

    public UserUpsert name(String name) {
        return new UserUpsert(keys, company, Arguments.requireText(name, "name"), traits);
    }

    public UserUpsert traits(Map<String, ?> traits) {
        return new UserUpsert(keys, company, name, Arguments.traits(traits, "traits"));
    }

    public Map<String, String> keys() {
        return keys;
    }

    /** Keys of the company, empty when none was given. */
    public Map<String, String> company() {
        return company;
    }

    public String name() {
        return name;
    }

    public Map<String, Object> traits() {
        return traits;
    }

    /** Equal when every field is equal. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof UserUpsert that && keys.equals(that.keys) && company.equals(that.company)
                && Objects.equals(name, that.name) && traits.equals(that.traits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys, company, name, traits);
    }

    @Override
    public String toString() {
        return "UserUpsert[keys=" + keys + ", company=" + company + ", name=" + name + "]";
    }
}
