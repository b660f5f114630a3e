package io.quarkiverse.schematic;

import java.util.Map;
import java.util.Objects;

/**
 * An identify event: tells Schematic who a user is (and optionally their company). Immutable: every method returns
 * a new instance.
 *
 * <pre>
 * schematic.identify(Identify.user(Map.of("email", "jane@acme.com")).name("Jane")
 *         .company(Map.of("id", "acme"), "Acme Inc", Map.of("seats", 40)));
 * </pre>
 *
 * Like {@link Track}, each method checks its argument before it creates the new instance, so that the JIT can drop
 * the intermediate instances of a chain.
 */
public final class Identify {

    private final Map<String, String> keys;
    private final String name;
    private final Map<String, Object> traits;
    private final Map<String, String> companyKeys;
    private final String companyName;
    private final Map<String, Object> companyTraits;
    private final String idempotencyKey;

    private Identify(Map<String, String> keys, String name, Map<String, Object> traits, Map<String, String> companyKeys,
            String companyName, Map<String, Object> companyTraits, String idempotencyKey) {
        this.keys = keys;
        this.name = name;
        this.traits = traits;
        this.companyKeys = companyKeys;
        this.companyName = companyName;
        this.companyTraits = companyTraits;
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * Identifies the user with these keys (for example {@code Map.of("email", "jane@acme.com")}).
     *
     * @throws IllegalArgumentException if {@code keys} is null, empty or has a blank name or value
     */
    public static Identify user(Map<String, String> keys) {
        Map<String, String> checked = Arguments.requireKeys(keys, "keys");
        return new Identify(checked, null, Map.of(), Map.of(), null, Map.of(), null);
    }

    /** The display name of the user. */
    public Identify name(String name) {
        String checked = Arguments.requireText(name, "name");
        return new Identify(keys, checked, traits, companyKeys, companyName, companyTraits, idempotencyKey);
    }

    /** Traits of the user: string, number, boolean or null values. */
    public Identify traits(Map<String, ?> traits) {
        Map<String, Object> checked = Arguments.traits(traits, "traits");
        return new Identify(keys, name, checked, companyKeys, companyName, companyTraits, idempotencyKey);
    }

    /** The company of the user, by its keys; {@code null} or empty: no company. */
    public Identify company(Map<String, String> companyKeys) {
        return company(companyKeys, null, Map.of());
    }

    /**
     * The company of the user, by its keys, with its name (may be null) and traits (may be empty). {@code null} or
     * empty keys: no company, and the name and traits are not sent.
     */
    public Identify company(Map<String, String> companyKeys, String companyName, Map<String, ?> companyTraits) {
        Map<String, String> checkedKeys = Arguments.optionalKeys(companyKeys, "companyKeys");
        Map<String, Object> checkedTraits = Arguments.traits(companyTraits, "companyTraits");
        return new Identify(keys, name, traits, checkedKeys, companyName, checkedTraits, idempotencyKey);
    }

    /**
     * A key of your choosing that identifies this event: Schematic handles an event once per key (it drops a repeat
     * within 24 hours). Without it the extension sends a random key, fixed before the first attempt, which covers its
     * own retries only.
     *
     * @throws IllegalArgumentException if {@code idempotencyKey} is null or blank
     */
    public Identify idempotencyKey(String idempotencyKey) {
        String checked = Arguments.requireText(idempotencyKey, "idempotencyKey");
        return new Identify(keys, name, traits, companyKeys, companyName, companyTraits, checked);
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

    /** Keys of the company, empty when no company was given. */
    public Map<String, String> companyKeys() {
        return companyKeys;
    }

    public String companyName() {
        return companyName;
    }

    public Map<String, Object> companyTraits() {
        return companyTraits;
    }

    /** The caller's idempotency key, or {@code null} when the extension chooses one. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** Equal when every field is equal, so that tests can compare the events an application sent. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Identify that && keys.equals(that.keys) && Objects.equals(name, that.name)
                && traits.equals(that.traits) && companyKeys.equals(that.companyKeys)
                && Objects.equals(companyName, that.companyName) && companyTraits.equals(that.companyTraits)
                && Objects.equals(idempotencyKey, that.idempotencyKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys, name, traits, companyKeys, companyName, companyTraits, idempotencyKey);
    }

    @Override
    public String toString() {
        return "Identify[keys=" + keys + ", name=" + name + ", companyKeys=" + companyKeys
                + (idempotencyKey == null ? "" : ", idempotencyKey=" + idempotencyKey) + "]";
    }
}
