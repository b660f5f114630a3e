package io.quarkiverse.schematic.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicService;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Offline mode needs no server: the dev service stays off and flags answer from their defaults.
 */
class DevServiceOfflineTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.schematic.offline", "true")
            .overrideConfigKey("quarkus.schematic.devservices.flags.\"beta\"", "true");

    @Inject
    SchematicService schematic;

    @Test
    void noDevServiceInOfflineMode() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.schematic.base-url", String.class))
                .isEqualTo("https://api.schematichq.com");
        assertThat(ConfigProvider.getConfig().getOptionalValue("quarkus.schematic.api-key", String.class)).isEmpty();
        assertThat(schematic.checkFlagDetails("beta", null, null).source()).isEqualTo(FlagSource.OFFLINE);
        assertThat(schematic.checkFlag("beta")).isFalse();
    }
}
