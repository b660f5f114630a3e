package io.quarkiverse.schematic.test.webhook;

import io.quarkus.runtime.configuration.ConfigurationException;

/** Digs the configuration error out of a failed start-up, however deeply it was wrapped. */
final class StartupFailures {

    private StartupFailures() {
    }

    static ConfigurationException configurationError(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigurationException configuration) {
                return configuration;
            }
        }
        throw new AssertionError("No ConfigurationException in " + thrown, thrown);
    }
}
