package io.quarkiverse.schematic;

/**
 * The operation needs Schematic, but the extension runs in offline mode ({@code quarkus.schematic.offline=true}).
 */
public class SchematicOfflineException extends SchematicException {

    public SchematicOfflineException(String operation) {
        super(operation + " is not available in offline mode (quarkus.schematic.offline=true)");
    }
}
