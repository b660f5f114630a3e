package io.quarkiverse.schematic.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps README.md and docs/*.md true to the code:
 * <ul>
 * <li>every {@code ```java} block equals a region of {@code docs/snippets/src/main/java}, which the build compiles
 * against the extension's API, so a page cannot show code that no longer compiles; the block names its region in a
 * {@code <!-- snippet: name -->} line before the fence, and every region is shown somewhere;</li>
 * <li>every {@code quarkus.schematic.*} name on a page is a property (or group) of the extension's configuration
 * model;</li>
 * <li>every link between pages leads to a file, and every {@code #anchor} to a heading.</li>
 * </ul>
 * After changing a snippet's code, copy it into the pages with
 * {@code ./mvnw -pl docs/snippets -am verify -Dtest=DocPagesTest -Dsurefire.failIfNoSpecifiedTests=false -Dsnippets.write=true}.
 */
class DocPagesTest {

    static final Path ROOT = Path.of(System.getProperty("snippets.root", "../..")).normalize();
    /**
     * Where snippets live: compiled here, or, for snippets that need a running application (the dev service, the
     * test kit), in the tests that run them.
     */
    static final List<Path> SOURCES = List.of(ROOT.resolve("docs/snippets/src/main/java"),
            ROOT.resolve("deployment/src/test/java/io/quarkiverse/schematic/docs"),
            ROOT.resolve("integration-tests/src/test/java/io/quarkiverse/schematic/it"));
    static final String HOW_TO_FIX = "edit the snippet's code and copy it into the pages with"
            + " -Dsnippets.write=true (see DocPagesTest)";

    /** A {@code quarkus.schematic.*} name in prose or configuration: dotted segments, quoted map keys allowed. */
    static final Pattern PROPERTY = Pattern.compile("quarkus\\.schematic(?:\\.(?:\"[^\"\\n]*\"|[a-z0-9*-]+))+");
    static final String CONFIG_MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";

    static SnippetRegions regions;

    @BeforeAll
    static void readSnippets() {
        regions = SnippetRegions.read(ROOT, SOURCES);
        if (Boolean.getBoolean("snippets.write")) {
            for (MarkdownPage page : pages()) {
                page.rewrite(block -> isJava(block) && block.snippet() != null && regions.get(block.snippet()) != null
                        ? regions.get(block.snippet()).text()
                        : null);
            }
        }
    }

    @Test
    void everyJavaBlockIsACompiledSnippet() {
        List<String> problems = new ArrayList<>();
        for (MarkdownPage page : pages()) {
            for (MarkdownPage.Block block : page.blocks()) {
                if (!isJava(block)) {
                    continue;
                }
                String where = page.name + ":" + block.line();
                if (block.snippet() == null) {
                    problems.add(where + ": a ```java block without a <!-- snippet: name --> line before it; put the"
                            + " code between // tag::name[] and // end::name[] in docs/snippets/src/main/java");
                    continue;
                }
                SnippetRegions.Region region = regions.get(block.snippet());
                if (region == null) {
                    problems.add(where + ": snippet '" + block.snippet() + "' is not defined by any // tag::"
                            + block.snippet() + "[] in docs/snippets/src/main/java");
                } else if (!page.content(block).equals(region.text())) {
                    problems.add(where + ": differs from snippet '" + block.snippet() + "' (" + region.location()
                            + "): " + firstDifference(region.text(), page.content(block)) + "; " + HOW_TO_FIX);
                }
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void everySnippetIsShownOnAPage() {
        Set<String> shown = new TreeSet<>();
        pages().forEach(page -> page.blocks().stream().filter(block -> isJava(block) && block.snippet() != null)
                .forEach(block -> shown.add(block.snippet())));
        List<String> unused = regions.all().values().stream().filter(region -> !shown.contains(region.name()))
                .map(region -> region.name() + " (" + region.location() + ")").toList();
        assertThat(unused).as("snippets that no page shows: remove them or show them").isEmpty();
    }

    @Test
    void everyPropertyNamedOnAPageExists() {
        Set<String> known = knownProperties();
        assertThat(known).as("the extension's configuration model").contains("quarkus.schematic.api-key",
                "quarkus.schematic.devservices.enabled");
        List<String> problems = new ArrayList<>();
        for (MarkdownPage page : pages()) {
            List<String> lines = page.text().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher property = PROPERTY.matcher(lines.get(i));
                while (property.find()) {
                    if (!exists(normalized(property.group()), known)) {
                        problems.add(page.name + ":" + (i + 1) + ": " + property.group()
                                + " is not a property of the extension (see docs/configuration.md)");
                    }
                }
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void everyLinkBetweenPagesResolves() {
        List<MarkdownPage> pages = pages();
        Map<Path, MarkdownPage> byFile = new HashMap<>();
        pages.forEach(page -> byFile.put(page.file.toAbsolutePath().normalize(), page));
        List<String> problems = new ArrayList<>();
        for (MarkdownPage page : pages) {
            for (MarkdownPage.Link link : page.links()) {
                if (link.target().matches("^[a-z]+:.*")) {
                    continue; // http:, https:, mailto: - not checked here
                }
                int hash = link.target().indexOf('#');
                String path = hash < 0 ? link.target() : link.target().substring(0, hash);
                String anchor = hash < 0 ? null : link.target().substring(hash + 1);
                Path target = (path.isEmpty() ? page.file : page.file.resolveSibling(path)).toAbsolutePath().normalize();
                String where = page.name + ":" + link.line() + ": link " + link.target();
                if (!Files.exists(target)) {
                    problems.add(where + ": no such file");
                } else if (anchor != null) {
                    MarkdownPage linked = byFile.get(target);
                    if (linked == null) {
                        problems.add(where + ": an anchor into a file that is not one of the pages");
                    } else if (!linked.anchors().contains(anchor)) {
                        problems.add(where + ": no heading with this anchor in " + linked.name);
                    }
                }
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    private static boolean isJava(MarkdownPage.Block block) {
        return block.language().equals("java");
    }

    /** README.md and every page of docs/. */
    static List<MarkdownPage> pages() {
        List<MarkdownPage> pages = new ArrayList<>();
        pages.add(MarkdownPage.read(ROOT, ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted()
                    .forEach(file -> pages.add(MarkdownPage.read(ROOT, file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    private static String firstDifference(String expected, String actual) {
        List<String> want = expected.lines().toList();
        List<String> have = actual.lines().toList();
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            String w = i < want.size() ? want.get(i) : "<end of snippet>";
            String h = i < have.size() ? have.get(i) : "<end of block>";
            if (!w.equals(h)) {
                return "line " + (i + 1) + " of the block is '" + h + "', the code has '" + w + "'";
            }
        }
        return "they differ";
    }

    /** Map keys in quotes become {@code "*"}, so {@code flag-defaults."beta"} matches {@code flag-defaults."flag-key"}. */
    private static String normalized(String property) {
        return property.replaceAll("\"[^\"]*\"", "\"*\"");
    }

    /** A property, or a group of them ({@code quarkus.schematic.webhook}, {@code quarkus.schematic.cache.*}). */
    private static boolean exists(String property, Set<String> known) {
        String group = property.endsWith(".*") ? property.substring(0, property.length() - 1) : property + ".";
        return known.contains(property) || known.stream().anyMatch(name -> name.startsWith(group));
    }

    /** Every property in the configuration models of the extension's jars, normalized. */
    private static Set<String> knownProperties() {
        Set<String> names = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL model : Collections.list(DocPagesTest.class.getClassLoader().getResources(CONFIG_MODEL))) {
                try (InputStream in = model.openStream()) {
                    for (JsonNode root : json.readTree(in).path("configRoots")) {
                        collect(root.path("items"), names);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static void collect(JsonNode items, Set<String> names) {
        for (JsonNode item : items) {
            if (item.has("items")) {
                collect(item.get("items"), names);
            } else {
                names.add(normalized(item.path("path").path("property").asText()));
            }
        }
    }
}
