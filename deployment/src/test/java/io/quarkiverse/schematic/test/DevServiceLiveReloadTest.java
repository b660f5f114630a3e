package io.quarkiverse.schematic.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.runtime.devui.DevServiceProtocol;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * In dev mode the dev service survives a live reload that leaves its flags alone (same server, same URL), and is
 * replaced when its flags change; flags are evaluated locally from its DataStream, and a flag toggled in the dev
 * service reaches the application through it. The Dev UI serves the Schematic page.
 */
class DevServiceLiveReloadTest {

    static final int PORT = 18391;

    @RegisterExtension
    static final QuarkusDevModeTest app = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(FlagRoutes.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"
                            + "quarkus.schematic.cache.enabled=false\n"
                            + "quarkus.schematic.devservices.flags.\"beta\"=true\n"), "application.properties"));

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void devUiServesTheSchematicPage() {
        assertThat(get("/q/dev-ui/quarkus-schematic/qwc-schematic.js"))
                .contains("customElements.define('qwc-schematic'");
    }

    @Test
    void devServiceAnswersAcrossLiveReloads() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(get("/flag/beta")).isEqualTo("v1 true LOCAL"));
        String firstUrl = get("/base-url");
        assertThat(firstUrl).startsWith("http://127.0.0.1:");

        app.modifySourceFile(FlagRoutes.class, source -> source.replace("\"v1 \"", "\"v2 \""));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> assertThat(get("/flag/beta")).isEqualTo("v2 true LOCAL"));
        assertThat(get("/base-url")).as("same server after a code change").isEqualTo(firstUrl);

        app.modifyResourceFile("application.properties",
                properties -> properties.replace("flags.\"beta\"=true", "flags.\"beta\"=false"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> assertThat(get("/flag/beta")).isEqualTo("v2 false LOCAL"));

        toggle(get("/base-url"), "beta", true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(get("/flag/beta")).as("toggled in the dev service, pushed over the DataStream")
                        .isEqualTo("v2 true LOCAL"));
    }

    /** What the Dev UI's toggle does: the dev service's admin endpoint. */
    private void toggle(String devServiceUrl, String flag, boolean value) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(devServiceUrl + DevServiceProtocol.FLAGS + "/" + flag))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": " + value + "}"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
