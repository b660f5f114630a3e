package io.quarkiverse.schematic.runtime.flags;

import io.quarkiverse.schematic.SchematicConnectionException;

/**
 * Schematic answered 2xx, but without the data a flag check needs.
 */
final class UnreadableAnswerException extends SchematicConnectionException {

    UnreadableAnswerException(String operation) {
        super(operation + " failed: Schematic's answer has no flag value", null);
    }
}
