package io.quarkiverse.schematic.test.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.test.SchematicStub;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Meters move with what the application does: checks by flag and source, cache hits and misses, API calls by
 * operation and outcome, events enqueued and sent. Company and user keys never become tags.
 */
class MetricsTest {

    static final Map<String, String> ACME = Map.of("id", "acme");

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            // without a registry extension the global registry has no backend: counters would stay at 0
            .overrideConfigKey("quarkus.micrometer.export.json.enabled", "true")
            .overrideConfigKey("quarkus.schematic.max-retries", "0")
            .overrideConfigKey("quarkus.schematic.events.flush-interval", "100ms");

    @Inject
    SchematicService schematic;

    @Inject
    MeterRegistry registry;

    @Test
    void countsChecksCacheAndApiCalls() {
        WireMock stub = SchematicStub.client();
        SchematicStub.flag(stub, "beta", true);
        stub.register(post(urlPathEqualTo("/flags/down/check")).willReturn(aResponse().withStatus(500)));

        schematic.checkFlag("beta", ACME, null);
        schematic.checkFlag("beta", ACME, null);
        schematic.checkFlag("beta", ACME, null);
        schematic.checkFlag("down", ACME, null);

        assertThat(checks("beta", "remote")).isEqualTo(1);
        assertThat(checks("beta", "cache")).isEqualTo(2);
        assertThat(checks("down", "default")).isEqualTo(1);
        assertThat(registry.counter("schematic.flag.cache.gets", "result", "hit").count()).isEqualTo(2);
        assertThat(registry.counter("schematic.flag.cache.gets", "result", "miss").count()).isEqualTo(2);
        assertThat(registry.timer("schematic.api.requests", "operation", "checkFlag", "outcome", "success").count())
                .isEqualTo(1);
        assertThat(registry.timer("schematic.api.requests", "operation", "checkFlag", "outcome", "server-error")
                .count()).isEqualTo(1);
        assertThat(registry.find("schematic.flag.cache.size").gauge().value()).isEqualTo(1);
        assertThat(registry.getMeters()).flatMap(meter -> meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains("acme"));
    }

    @Test
    void countsEvents() {
        WireMock stub = SchematicStub.client();
        stub.register(post(urlPathEqualTo("/batch")).willReturn(aResponse().withStatus(200)));
        double enqueued = value("schematic.events.enqueued");
        double sent = value("schematic.events.sent");

        schematic.track(Track.event("report").company(ACME));
        schematic.track(Track.event("report").company(ACME).quantity(3));
        schematic.flush();

        assertThat(value("schematic.events.enqueued") - enqueued).isEqualTo(2);
        assertThat(value("schematic.events.sent") - sent).isEqualTo(2);
        assertThat(value("schematic.events.dropped")).isZero();
        assertThat(registry.find("schematic.events.queued").gauge().value()).isZero();
    }

    private double checks(String flag, String source) {
        return registry.counter("schematic.flag.checks", "flag", flag, "source", source).count();
    }

    private double value(String functionCounter) {
        return registry.find(functionCounter).functionCounter().count();
    }

}
