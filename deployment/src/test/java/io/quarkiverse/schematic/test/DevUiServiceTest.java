package io.quarkiverse.schematic.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.runtime.devui.DevServiceProtocol;
import io.quarkiverse.schematic.runtime.devui.SchematicDevUiService;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The JSON-RPC methods behind the Dev UI card, called as the Dev UI calls them (the service is a plain bean). Local
 * evaluation is off here, so that checks show the REST API and its cache; its part of the card is tested by
 * {@link LocalEvaluationTest}, the toggle over the DataStream by {@link DevServiceDataStreamTest}.
 */
class DevUiServiceTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.schematic.local-evaluation.enabled", "false")
            .overrideConfigKey("quarkus.schematic.devservices.flags.\"toggled\"", "true")
            .overrideConfigKey("quarkus.schematic.devservices.flags.\"listed\"", "false")
            .overrideConfigKey("quarkus.schematic.devservices.companies.\"acme\".flags.\"listed\"", "true")
            .overrideConfigKey("quarkus.schematic.flag-defaults.\"listed\"", "true");

    @Inject
    SchematicService schematic;

    @Inject
    SchematicDevUiService devUi;

    @Test
    void configurationIsShownWithTheApiKeyMasked() {
        List<Map<String, String>> config = devUi.getConfiguration();

        assertThat(config).contains(Map.of("property", "quarkus.schematic.api-key", "value", "dev service key"));
        assertThat(config).anySatisfy(row -> assertThat(row)
                .containsEntry("property", "quarkus.schematic.base-url")
                .hasEntrySatisfying("value", url -> assertThat(url).startsWith("http://127.0.0.1:")));
        assertThat(config).contains(Map.of("property", "quarkus.schematic.flag-defaults", "value", "{listed=true}"));
        assertThat(config.toString()).doesNotContain(DevServiceProtocol.API_KEY);
    }

    @Test
    @SuppressWarnings("unchecked")
    void flagsListValuesAndOverrides() {
        List<Map<String, Object>> flags = (List<Map<String, Object>>) devUi.getFlags();

        assertThat(flags).extracting(flag -> flag.get("flag")).contains("listed", "toggled");
        assertThat(flags).filteredOn(flag -> flag.get("flag").equals("listed")).singleElement()
                .satisfies(flag -> assertThat(flag)
                        .containsEntry("value", false)
                        .containsEntry("companies", Map.of("acme", true)));
    }

    @Test
    void recentChecksShowWhatTheApplicationSawWithItsSource() {
        schematic.checkFlag("listed", Map.of("id", "acme"), Map.of());
        schematic.checkFlag("listed", Map.of("id", "acme"), Map.of());

        List<Map<String, Object>> checks = devUi.getRecentChecks();

        assertThat(checks).hasSizeGreaterThanOrEqualTo(2);
        assertThat(checks.get(0)).containsEntry("flag", "listed").containsEntry("value", true)
                .containsEntry("source", "CACHE").containsKey("at");
        assertThat(checks.get(1)).containsEntry("flag", "listed").containsEntry("source", "REMOTE");
        assertThat(devUi.getDevServiceChecks().toString()).contains("acme");
    }

    @Test
    void eventStatsComeFromTheBuffer() {
        assertThat(devUi.getEventStats()).isNotNull();
        assertThat(devUi.getEventStats().dropped()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void togglingAFlagChangesTheNextCheck() {
        assertThat(schematic.checkFlag("toggled")).isTrue();
        assertThat(schematic.checkFlagDetails("toggled", Map.of(), Map.of()).source()).isEqualTo(FlagSource.CACHE);

        List<Map<String, Object>> flags = (List<Map<String, Object>>) devUi.setFlag("toggled", false);

        assertThat(flags).filteredOn(flag -> flag.get("flag").equals("toggled")).singleElement()
                .satisfies(flag -> assertThat(flag).containsEntry("value", false).containsEntry("toggled", true));
        FlagCheck next = schematic.checkFlagDetails("toggled", Map.of(), Map.of());
        assertThat(next.value()).isFalse();
        assertThat(next.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(next.reason()).contains("Dev UI");

        devUi.setFlag("toggled", true);
        assertThat(schematic.checkFlag("toggled")).isTrue();
    }
}
