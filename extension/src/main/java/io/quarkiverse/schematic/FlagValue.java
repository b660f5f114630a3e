package io.quarkiverse.schematic;

/**
 * A flag whose value is checked on every call, for the {@linkplain SchematicContext caller} of the current request
 * (no keys outside a request). Inject it with {@link SchematicFlag}. Like every flag check, it never throws because
 * of Schematic.
 */
public interface FlagValue {

    /** The flag key. */
    String flag();

    /** The flag's value for the caller, now. */
    default boolean get() {
        return details().value();
    }

    /** The flag's value for the caller, now, with its reason and source. */
    FlagCheck details();
}
