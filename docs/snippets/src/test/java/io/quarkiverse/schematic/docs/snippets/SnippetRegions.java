package io.quarkiverse.schematic.docs.snippets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tagged regions of the snippet sources: the lines between {@code // tag::name[]} and {@code // end::name[]}
 * (AsciiDoc's include syntax), without the tag lines of regions nested inside, and without their common indentation.
 */
final class SnippetRegions {

    private static final Pattern TAG = Pattern.compile("^\\s*// (tag|end)::([A-Za-z0-9_-]+)\\[]\\s*$");

    /** A region's text and where it was found, for messages. */
    record Region(String name, String text, String location) {
    }

    private final Map<String, Region> byName;

    private SnippetRegions(Map<String, Region> byName) {
        this.byName = byName;
    }

    /**
     * Every region of the {@code .java} files under each of {@code sources}, located relative to {@code root}; fails
     * on a duplicate or unbalanced tag.
     */
    static SnippetRegions read(Path root, List<Path> sources) {
        Map<String, Region> regions = new TreeMap<>();
        for (Path source : sources) {
            readInto(regions, root, source);
        }
        return new SnippetRegions(regions);
    }

    private static void readInto(Map<String, Region> regions, Path root, Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                for (Region region : regionsOf(name, Files.readAllLines(file, StandardCharsets.UTF_8))) {
                    Region previous = regions.put(region.name(), region);
                    if (previous != null) {
                        throw new IllegalStateException("Snippet region '" + region.name() + "' is defined twice: in "
                                + previous.location() + " and " + region.location());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Region> regionsOf(String file, List<String> lines) {
        Map<String, List<String>> open = new LinkedHashMap<>();
        Map<String, Integer> openedAt = new LinkedHashMap<>();
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher tag = TAG.matcher(line);
            if (!tag.matches()) {
                open.values().forEach(region -> region.add(line));
                continue;
            }
            String name = tag.group(2);
            String where = file + ":" + (i + 1);
            if (tag.group(1).equals("tag")) {
                if (open.putIfAbsent(name, new ArrayList<>()) != null) {
                    throw new IllegalStateException("Snippet region '" + name + "' opened twice, at " + where);
                }
                openedAt.put(name, i + 1);
            } else {
                List<String> body = open.remove(name);
                if (body == null) {
                    throw new IllegalStateException("end::" + name + "[] without tag::" + name + "[] at " + where);
                }
                regions.add(new Region(name, Text.dedent(body), file + ":" + openedAt.remove(name)));
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException("Snippet region(s) " + open.keySet() + " in " + file + " are never closed");
        }
        return regions;
    }

    Region get(String name) {
        return byName.get(name);
    }

    Map<String, Region> all() {
        return byName;
    }
}
