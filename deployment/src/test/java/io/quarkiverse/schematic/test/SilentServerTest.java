package io.quarkiverse.schematic.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.SchematicTimeoutException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A black hole: the port accepts connections (the kernel queues them) and never answers. The configured timeout,
 * not the REST Client's 30 s read timeout, decides how long a call waits.
 */
class SilentServerTest {

    /** Bound, never accepted from: connections succeed, requests go unanswered. */
    static final ServerSocket BLACK_HOLE = listen();

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.schematic.api-key", SchematicStub.API_KEY)
            .overrideConfigKey("quarkus.schematic.base-url", "http://127.0.0.1:" + BLACK_HOLE.getLocalPort())
            .overrideConfigKey("quarkus.schematic.event-capture-url", "http://127.0.0.1:" + BLACK_HOLE.getLocalPort())
            .overrideConfigKey("quarkus.schematic.events.shutdown-timeout", "1s")
            .overrideConfigKey("quarkus.schematic.timeout", "300ms")
            .overrideConfigKey("quarkus.schematic.max-retries", "0");

    @Inject
    SchematicService schematic;

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void callsGiveUpAfterTheConfiguredTimeout() {
        long started = System.nanoTime();
        FlagCheck check = schematic.checkFlagDetails("beta", Map.of("id", "acme"), null);
        assertThatThrownBy(() -> schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))))
                .isInstanceOf(SchematicTimeoutException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(check.source()).isEqualTo(FlagSource.DEFAULT);
        assertThat(check.error()).contains("timed out");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
    }
}
