package io.quarkiverse.schematic.deployment.devservices;

import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.schematic.deployment.SchematicProcessor;
import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkiverse.schematic.runtime.devui.DevServiceProtocol;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;

/**
 * Starts the in-process Schematic dev service in dev and test mode when the application has no API key (and is not
 * offline), and points the extension at it. The running server is kept in a static field so that it survives live
 * reloads (the deployment class loader outlives them); it is replaced only when its flag settings change, and
 * stopped when the application ends.
 */
@BuildSteps(onlyIfNot = IsNormal.class, onlyIf = DevServicesConfig.Enabled.class)
class DevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(DevServicesProcessor.class);

    private static volatile Running running;
    private static volatile boolean closeTaskRegistered;

    /** The server and the settings it was started with. */
    private record Running(DevSchematicServer server, DevFlagSettings settings) {
    }

    @BuildStep
    DevServicesResultBuildItem devService(SchematicDevServicesConfig config,
            CuratedApplicationShutdownBuildItem shutdown) {
        Optional<String> notNeeded = reasonNotToStart(config, ConfigProvider.getConfig());
        if (notNeeded.isPresent()) {
            LOG.debugf("The Schematic dev service does not start: %s", notNeeded.get());
            stop();
            return null;
        }
        DevFlagSettings settings = DevFlagSettings.of(config);
        Running current = running;
        if (current == null || !current.settings().equals(settings)) {
            stop();
            current = new Running(DevSchematicServer.start(settings), settings);
            running = current;
            LOG.infof("Schematic dev service runs on %s (%d flag(s) configured): unknown flags are not found,"
                    + " as in Schematic, and answer quarkus.schematic.flag-defaults."
                    + " Set flags with quarkus.schematic.devservices.flags.\"<flag>\"=true, turn it off with"
                    + " quarkus.schematic.devservices.enabled=false or a quarkus.schematic.api-key",
                    current.server().url(), settings.flagCount());
        }
        if (!closeTaskRegistered) {
            closeTaskRegistered = true;
            shutdown.addCloseTask(DevServicesProcessor::stopOnExit, true);
        }
        String url = current.server().url();
        // local evaluation is on while the application uses the dev service (its key), unless the application turns
        // it off: it connects to the dev service's DataStream
        return new DevServicesResultBuildItem(SchematicProcessor.FEATURE, "Schematic dev service on " + url, null,
                Map.of(ConfigNames.API_KEY, DevServiceProtocol.API_KEY, ConfigNames.BASE_URL, url,
                        ConfigNames.EVENT_CAPTURE_URL, url, ConfigNames.LOCAL_EVALUATION_URL,
                        current.server().dataStreamUrl()));
    }

    /**
     * Why the dev service is not needed, if it is not. The API key it hands out does not count as a user's key: it may
     * be visible in the configuration again after a live reload.
     */
    static Optional<String> reasonNotToStart(SchematicDevServicesConfig config, Config appConfig) {
        if (!config.enabled()) {
            return Optional.of(ConfigNames.property("devservices.enabled") + " is false");
        }
        if (appConfig.getOptionalValue(ConfigNames.OFFLINE, Boolean.class).orElse(false)) {
            return Optional.of(ConfigNames.OFFLINE + " is true");
        }
        boolean userKey = appConfig.getOptionalValue(ConfigNames.API_KEY, String.class)
                .filter(key -> !key.isBlank() && !key.equals(DevServiceProtocol.API_KEY))
                .isPresent();
        return userKey ? Optional.of(ConfigNames.API_KEY + " is set") : Optional.empty();
    }

    private static void stop() {
        Running current = running;
        running = null;
        if (current != null) {
            current.server().close();
            LOG.debug("Schematic dev service stopped");
        }
    }

    private static void stopOnExit() {
        stop();
        closeTaskRegistered = false;
    }
}
