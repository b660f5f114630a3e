package io.quarkiverse.schematic.runtime.accesstoken;

import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;

/** Start-up checks of the token endpoint. */
@Recorder
public class AccessTokenRecorder {

    private final RuntimeValue<SchematicConfig> config;

    public AccessTokenRecorder(RuntimeValue<SchematicConfig> config) {
        this.config = config;
    }

    /**
     * Fails start-up when the company of the caller would come from a request header: any client can send one, and
     * the endpoint would hand out tokens for whatever company a request names.
     */
    public void requireCompanyFromIdentity() {
        if (config.getValue().context().company().header().isPresent()) {
            throw new ConfigurationException(ConfigNames.ACCESS_TOKEN_PATH + " issues tokens for the caller's company,"
                    + " which must not come from a request header (" + ConfigNames.CONTEXT_COMPANY + ".header): map it"
                    + " from the authenticated identity (claim, attribute) or a SchematicContextResolver");
        }
    }
}
