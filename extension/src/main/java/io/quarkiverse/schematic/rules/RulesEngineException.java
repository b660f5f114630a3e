package io.quarkiverse.schematic.rules;

import io.quarkiverse.schematic.SchematicException;

/**
 * A flag could not be evaluated because its data is inconsistent, for example a metric condition without a
 * {@code metric_value}: the cases where Schematic's reference engine answers with an error. The message says what was
 * wrong. A caller that needs an answer anyway should fall back to asking Schematic's API.
 */
public class RulesEngineException extends SchematicException {

    public RulesEngineException(String message) {
        super(message);
    }
}
