package io.quarkiverse.schematic.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.CheckContext;
import io.quarkiverse.schematic.CompanyFlags;
import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.SchematicConnectionException;
import io.quarkiverse.schematic.SchematicService;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Nothing listens on the configured port: checks answer defaults, upserts fail with a connection error.
 */
class ServerDownTest {

    static final String CLOSED_URL = "http://127.0.0.1:" + closedPort();

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.schematic.api-key", SchematicStub.API_KEY)
            .overrideConfigKey("quarkus.schematic.base-url", CLOSED_URL)
            .overrideConfigKey("quarkus.schematic.event-capture-url", CLOSED_URL)
            .overrideConfigKey("quarkus.schematic.retry-delay", "10ms")
            .overrideConfigKey("quarkus.schematic.events.shutdown-timeout", "1s")
            // every case here sees the connection error itself, whatever ran before it
            .overrideConfigKey("quarkus.schematic.circuit-breaker.enabled", "false")
            .overrideConfigKey("quarkus.schematic.flag-defaults.\"beta\"", "true");

    @Inject
    SchematicService schematic;

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void checksAnswerDefaultsAndUpsertsFail() {
        FlagCheck beta = schematic.checkFlagDetails("beta", Map.of("id", "acme"), null);
        assertThat(beta.value()).isTrue();
        assertThat(beta.source()).isEqualTo(FlagSource.DEFAULT);
        assertThat(beta.error()).contains("could not reach Schematic");
        assertThat(schematic.checkFlag("unknown", Map.of("id", "acme"), null)).isFalse();

        assertThatThrownBy(() -> schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))))
                .isInstanceOf(SchematicConnectionException.class);
    }

    @Test
    void aPreflightAnswersLikeAnyOtherCheck() {
        FlagCheck beta = schematic.checkFlagDetails("beta", Map.of("id", "acme"), null, Preflight.usage(500));

        assertThat(beta.value()).isTrue();
        assertThat(beta.source()).isEqualTo(FlagSource.DEFAULT);
        assertThat(beta.error()).contains("could not reach Schematic");
        assertThat(beta.entitlement()).isNull();
    }

    @Test
    void everyContextOfABulkCheckGetsTheDefaults() {
        List<CheckContext> contexts = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            contexts.add(CheckContext.company(Map.of("id", "company-" + i)));
        }

        List<CompanyFlags> answers = schematic.checkFlagsBulk(contexts);

        assertThat(answers).hasSize(250).allSatisfy(answer -> {
            assertThat(answer.plan()).isNull();
            assertThat(answer.creditBalances()).isEmpty();
            assertThat(answer.flags()).singleElement().satisfies(beta -> {
                assertThat(beta.flag()).isEqualTo("beta");
                assertThat(beta.value()).isTrue();
                assertThat(beta.source()).isEqualTo(FlagSource.DEFAULT);
                assertThat(beta.error()).contains("could not reach Schematic");
            });
        });
        assertThat(schematic.checkFlagsDetails(Map.of("id", "acme"), null).flags()).extracting(FlagCheck::source)
                .containsExactly(FlagSource.DEFAULT);
    }
}
