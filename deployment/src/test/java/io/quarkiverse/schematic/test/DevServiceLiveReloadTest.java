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
 * service reaches the application through it. The Dev UI serves the Schematic page. A metered feature behaves as in
 * production: track events raise the usage until the flag turns off.
 */
class DevServiceLiveReloadTest {

    static final int PORT = 18391;

    @RegisterExtension
    static final QuarkusDevModeTest app = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(FlagRoutes.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"
                            + "quarkus.schematic.cache.enabled=false\n"
                            + "quarkus.schematic.devservices.flags.\"beta\"=true\n"
                            + "quarkus.schematic.devservices.features.\"api-calls\".allocation=2\n"
                            + "quarkus.schematic.devservices.features.\"api-calls\".event-name=api-call\n"),
                            "application.properties"));

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

    @Test
    void aMeteredFeatureFlipsToFalseAfterEnoughTrackCalls() {
        assertThat(get("/api-calls/dev-co")).isEqualTo("true 0/2");

        assertThat(post("/api-calls/dev-co")).isEqualTo("tracked");
        assertThat(get("/api-calls/dev-co")).isEqualTo("true 1/2");
        assertThat(post("/api-calls/dev-co")).isEqualTo("tracked");

        assertThat(get("/api-calls/dev-co")).isEqualTo("false 2/2");
        assertThat(get("/api-calls/other-co")).isEqualTo("true 0/2");
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path)).GET());
    }

    private String post(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private String send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
