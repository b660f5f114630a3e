package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicService;
import io.quarkus.test.QuarkusUnitTest;

class CacheDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            .overrideConfigKey("quarkus.schematic.cache.enabled", "false");

    @Inject
    SchematicService schematic;

    @Test
    void everyCheckMakesARequest() {
        WireMock stub = SchematicStub.client();
        SchematicStub.flag(stub, "beta", true);

        for (int i = 0; i < 5; i++) {
            assertThat(schematic.checkFlagDetails("beta", Map.of("id", "acme"), null).source())
                    .isEqualTo(FlagSource.REMOTE);
        }

        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/beta/check")))).hasSize(5);
    }
}
