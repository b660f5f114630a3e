package io.quarkiverse.schematic.runtime;

import java.util.List;

import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkiverse.schematic.runtime.config.SchematicConfigValidator;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Runtime-init work of the extension.
 */
@Recorder
public class SchematicRecorder {

    private final RuntimeValue<SchematicConfig> config;

    public SchematicRecorder(RuntimeValue<SchematicConfig> config) {
        this.config = config;
    }

    /**
     * Fails start-up, naming each property, when the configuration cannot work.
     */
    public void validateConfig() {
        List<String> problems = SchematicConfigValidator.problems(config.getValue());
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid Schematic configuration:\n - " + String.join("\n - ", problems));
        }
    }
}
