package io.quarkiverse.schematic.runtime.gate;

/**
 * The usage parameter of a preflight {@code @RequiresFlag} gate is missing or negative: the method does not run. Quarkus
 * REST answers it with 400.
 */
public class InvalidUsageException extends IllegalArgumentException {

    private final String parameter;

    InvalidUsageException(String parameter, Object value) {
        super("Usage parameter '" + parameter + "' must be a number that is not negative, was " + value);
        this.parameter = parameter;
    }

    /** The name of the method parameter. */
    public String parameter() {
        return parameter;
    }
}
