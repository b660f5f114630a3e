package io.quarkiverse.schematic.deployment;

/**
 * A Schematic annotation ({@code @RequiresFlag}, {@code @SchematicFlag}) used where it cannot work; the message names
 * the method or injection point and says why. Fails the build.
 */
public class InvalidSchematicAnnotationException extends RuntimeException {

    public InvalidSchematicAnnotationException(String message) {
        super(message);
    }
}
