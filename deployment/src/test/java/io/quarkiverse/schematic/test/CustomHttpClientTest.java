package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.schematic.SchematicService;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The HTTP side is customised with standard REST Client configuration under {@code quarkus.rest-client.schematic}:
 * extra headers and the user's own filter reach the wire.
 */
class CustomHttpClientTest {

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app(TenantFilter.class)
            .overrideConfigKey("quarkus.rest-client.schematic.headers.\"X-Team\"", "payments")
            .overrideConfigKey("quarkus.rest-client.schematic.providers", TenantFilter.class.getName())
            .overrideConfigKey("quarkus.rest-client.schematic.connection-pool-size", "4");

    @Inject
    SchematicService schematic;

    /** A user's filter, as an application would write it. */
    public static class TenantFilter implements ClientRequestFilter {
        @Override
        public void filter(ClientRequestContext request) {
            request.getHeaders().add("X-Tenant", "blue");
        }
    }

    @Test
    void configuredHeadersAndFiltersApply() {
        WireMock stub = SchematicStub.client();
        SchematicStub.flag(stub, "beta", true);

        assertThat(schematic.checkFlag("beta", Map.of("id", "acme"), null)).isTrue();

        stub.verifyThat(postRequestedFor(urlPathEqualTo("/flags/beta/check"))
                .withHeader("X-Team", equalTo("payments"))
                .withHeader("X-Tenant", equalTo("blue"))
                .withHeader(SchematicStub.API_KEY_HEADER, equalTo(SchematicStub.API_KEY)));
    }
}
