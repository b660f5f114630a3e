package io.quarkiverse.schematic.test.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.SchematicCore;
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

    @Inject
    SchematicCore core;

    @BeforeEach
    void emptyCache() {
        core.flags().cache().clear();
    }

    @Test
    void countsChecksCacheAndApiCalls() {
        WireMock stub = SchematicStub.client();
        SchematicStub.flag(stub, "beta", true);
        stub.register(post(urlPathEqualTo("/flags/down/check")).willReturn(aResponse().withStatus(500)));
        // other tests' checks count too: compare with the counts before
        double hits = cacheGets("hit");
        double misses = cacheGets("miss");

        schematic.checkFlag("beta", ACME, null);
        schematic.checkFlag("beta", ACME, null);
        schematic.checkFlag("beta", ACME, null);
        schematic.checkFlag("down", ACME, null);

        assertThat(checks("beta", "remote")).isEqualTo(1);
        assertThat(checks("beta", "cache")).isEqualTo(2);
        assertThat(checks("down", "default")).isEqualTo(1);
        assertThat(cacheGets("hit") - hits).isEqualTo(2);
        assertThat(cacheGets("miss") - misses).isEqualTo(2);
        assertThat(registry.timer("schematic.api.requests", "operation", "checkFlag", "outcome", "success").count())
                .isEqualTo(1);
        assertThat(registry.timer("schematic.api.requests", "operation", "checkFlag", "outcome", "server-error")
                .count()).isEqualTo(1);
        assertThat(registry.find("schematic.flag.cache.size").gauge().value()).isEqualTo(1);
        assertThat(registry.getMeters()).flatMap(meter -> meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains("acme"));
    }

    @Test
    void countsEachFlagOfCheckFlags() {
        WireMock stub = SchematicStub.client();
        stub.register(post(urlPathEqualTo("/flags/check")).willReturn(SchematicStub.json("{\"data\":{\"flags\":["
                + SchematicStub.flagData("all-a", true) + "," + SchematicStub.flagData("all-b", false)
                + "],\"plan\":null},\"params\":{}}")));

        schematic.checkFlags(ACME, null);

        assertThat(checks("all-a", "remote")).isEqualTo(1);
        assertThat(checks("all-b", "remote")).isEqualTo(1);
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

    private double cacheGets(String result) {
        return registry.counter("schematic.flag.cache.gets", "result", result).count();
    }

    private double value(String functionCounter) {
        return registry.find(functionCounter).functionCounter().count();
    }

}
