package io.quarkiverse.schematic;

import java.util.Map;
import java.util.Objects;

/**
 * Creates or updates a company by its keys. Immutable: every method returns a new instance.
 */
public final class CompanyUpsert {

    private final Map<String, String> keys;
    private final String name;
    private final Map<String, Object> traits;

    private CompanyUpsert(Map<String, String> keys, String name, Map<String, Object> traits) {
        this.keys = keys;
        this.name = name;
        this.traits = traits;
    }

    /**
     * The company with these keys (for example {@code Map.of("id", "acme")}).
     *
     * @throws IllegalArgumentException if {@code keys} is null, empty or has a blank name or value
     */
    public static CompanyUpsert keys(Map<String, String> keys) {
        return new CompanyUpsert(Arguments.requireKeys(keys, "keys"), null, Map.of());
    }

    public CompanyUpsert name(String name) {
        return new CompanyUpsert(keys, Arguments.requireText(name, "name"), traits);
    }

    public CompanyUpsert traits(Map<String, ?> traits) {
        return new CompanyUpsert(keys, name, Arguments.traits(traits, "traits"));
    }

    public Map<String, String> keys() {
        return keys;
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
        return this == other || other instanceof CompanyUpsert that && keys.equals(that.keys)
                && Objects.equals(name, that.name) && traits.equals(that.traits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys, name, traits);
    }

    @Override
    public String toString() {
        return "CompanyUpsert[keys=" + keys + ", name=" + name + "]";
    }
}
