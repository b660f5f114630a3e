package io.quarkiverse.schematic.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps docs/configuration.md equal to the configuration model that the Quarkus extension annotation processor
 * writes from the {@code @ConfigMapping} interfaces and their Javadoc. When a property changes, regenerate with
 * {@code ./mvnw -pl deployment test -Dtest=ConfigReferenceTest -Dschematic.docs.write=true}.
 */
class ConfigReferenceTest {

    static final Path REFERENCE = Path.of("..", "docs", "configuration.md");
    static final String MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";
    static final String JAVADOC = "META-INF/quarkus-config-doc/quarkus-config-javadoc.json";

    /** Config roots of this extension; the class path also holds the config models of other extensions. */
    static final String PREFIX = "quarkus.schematic";

    final ObjectMapper json = new ObjectMapper();

    @Test
    void referenceMatchesTheConfigMappings() throws IOException {
        String generated = render();
        if (Boolean.getBoolean("schematic.docs.write")) {
            Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(REFERENCE, StandardCharsets.UTF_8))
                .as("docs/configuration.md is out of date; regenerate it as the class comment says")
                .isEqualTo(generated);
    }

    private String render() throws IOException {
        Map<String, String> javadoc = new TreeMap<>();
        for (JsonNode file : read(JAVADOC)) {
            file.get("elements").fields()
                    .forEachRemaining(e -> javadoc.put(e.getKey(), e.getValue().get("description").asText()));
        }
        List<JsonNode> properties = new ArrayList<>();
        for (JsonNode file : read(MODEL)) {
            for (JsonNode root : file.path("configRoots")) {
                if (root.path("prefix").asText().startsWith(PREFIX)) {
                    collect(root.get("items"), properties);
                }
            }
        }
        properties.sort(Comparator.comparing(p -> p.get("path").get("property").asText()));

        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n")
                .append("Every `quarkus.schematic.*` property. Generated from the extension's configuration interfaces ")
                .append("(see `ConfigReferenceTest`); do not edit by hand.\n\n")
                .append("Phase: *build* properties are fixed when the application is built; *runtime* ones can be set ")
                .append("when it starts (system property, environment variable, `.env`, `application.properties`).\n\n")
                .append("| Property | Type | Default | Phase | Description |\n|---|---|---|---|---|\n");
        for (JsonNode property : properties) {
            String description = javadoc.getOrDefault(property.get("sourceType").asText() + "."
                    + property.get("sourceElementName").asText(), "");
            out.append("| `").append(property.get("path").get("property").asText()).append("`<br>`")
                    .append(property.get("path").get("environmentVariable").asText()).append("` | ")
                    .append(property.get("typeDescription").asText().replace("|", "\\|")).append(" | ")
                    .append(property.has("defaultValue") ? "`" + defaultOf(property) + "`" : "")
                    .append(" | ").append(phase(property.get("phase").asText())).append(" | ")
                    .append(markdown(description)).append(" |\n");
        }
        return out.toString();
    }

    private static void collect(JsonNode items, List<JsonNode> properties) {
        for (JsonNode item : items) {
            if (item.has("items")) {
                collect(item.get("items"), properties);
            } else {
                properties.add(item);
            }
        }
    }

    /**
     * Every copy of the resource on the class path: the extension's and the deployment module's (dev service, build
     * steps), wherever the repository is checked out, plus those of other extensions, whose config roots the
     * prefix filter drops.
     */
    private List<JsonNode> read(String resource) throws IOException {
        List<JsonNode> files = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources(resource))) {
            try (InputStream in = url.openStream()) {
                files.add(json.readTree(in));
            }
        }
        return files;
    }

    /** Durations as users write them ({@code 5s}, not the normalized {@code 5S}). */
    private static String defaultOf(JsonNode property) {
        String value = property.get("defaultValue").asText();
        return "Duration".equals(property.get("typeDescription").asText()) ? value.toLowerCase() : value;
    }

    private static String phase(String phase) {
        return phase.startsWith("BUILD") ? "build" : "runtime";
    }

    private static String markdown(String javadoc) {
        return javadoc.replaceAll("\\{@(?:code|literal) ([^}]*)}", "`$1`")
                .replaceAll("\\{@link(?:plain)? (?:[\\w.]*#)?([^}]*)}", "`$1`")
                .replaceAll("<[^>]+>", "")
                .replace("|", "\\|")
                .replaceAll("\\s+", " ")
                .trim();
    }
}
