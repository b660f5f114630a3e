package io.quarkiverse.schematic;

/**
 * Thrown instead of running a method annotated with {@link RequiresFlag} when its flag is off for the caller. Quarkus
 * REST answers it with {@code 403} and an {@code application/problem+json} body naming the flag.
 */
public class FlagDisabledException extends SchematicException {

    private final String flag;

    public FlagDisabledException(String flag) {
        super("Flag '" + flag + "' is off for this caller");
        this.flag = flag;
    }

    /** The key of the flag that is off. */
    public String flag() {
        return flag;
    }
}
