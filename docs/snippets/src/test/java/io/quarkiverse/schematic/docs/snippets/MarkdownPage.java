package io.quarkiverse.schematic.docs.snippets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown page and its fenced code blocks. A Java block names the snippet region it shows in an HTML comment on the
 * line before its fence, invisible when the page is rendered:
 *
 * <pre>
 * &lt;!-- snippet: first-flag --&gt;
 * ```java
 * ...
 * ```
 * </pre>
 */
final class MarkdownPage {

    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\S*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!-- snippet: ([A-Za-z0-9_-]+) -->\\s*$");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");
    private static final Pattern LINK = Pattern.compile("]\\(([^)\\s]+)\\)");

    /**
     * A fenced block.
     *
     * @param language the info string after the fence ({@code java}, {@code properties}...), may be empty
     * @param snippet the region named by the marker before the fence, or {@code null}
     * @param line line number of the opening fence, from 1
     * @param indent the indentation of the fence
     * @param first index of the first content line
     * @param end index of the closing fence
     */
    record Block(String language, String snippet, int line, String indent, int first, int end) {
    }

    /** A link to another place, as written, and the line it is on (from 1). */
    record Link(String target, int line) {
    }

    final String name;
    final Path file;
    private final List<String> lines;
    private final List<Block> blocks;

    private MarkdownPage(String name, Path file, List<String> lines) {
        this.name = name;
        this.file = file;
        this.lines = new ArrayList<>(lines);
        this.blocks = parse(this.lines);
    }

    static MarkdownPage read(Path root, Path file) {
        try {
            return new MarkdownPage(root.relativize(file).toString().replace('\\', '/'), file,
                    Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Block> parse(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : null;
            String snippet = marker != null && marker.matches() ? marker.group(1) : null;
            blocks.add(new Block(open.group(2), snippet, i + 1, open.group(1), i + 1, end));
            i = end;
        }
        return blocks;
    }

    List<Block> blocks() {
        return blocks;
    }

    String content(Block block) {
        return Text.dedent(lines.subList(block.first(), Math.min(block.end(), lines.size())));
    }

    /** The anchors GitHub gives the headings: lower case, punctuation removed, spaces as hyphens. */
    Set<String> anchors() {
        Set<String> anchors = new HashSet<>();
        forEachProseLine((line, number) -> {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'));
            }
        });
        return anchors;
    }

    /** The links of the text outside code blocks. */
    List<Link> links() {
        List<Link> links = new ArrayList<>();
        forEachProseLine((line, number) -> {
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                links.add(new Link(link.group(1), number));
            }
        });
        return links;
    }

    private void forEachProseLine(BiConsumer<String, Integer> action) {
        int next = 0;
        for (Block block : blocks) {
            for (int i = next; i < block.first() - 1; i++) {
                action.accept(lines.get(i), i + 1);
            }
            next = block.end() + 1;
        }
        for (int i = next; i < lines.size(); i++) {
            action.accept(lines.get(i), i + 1);
        }
    }

    /** The page's whole text, for checks that are not about code blocks. */
    String text() {
        return String.join("\n", lines);
    }

    /**
     * Writes the page with the content of each block for which {@code replacement} answers text replaced by that text,
     * indented like the block's fence.
     */
    void rewrite(Function<Block, String> replacement) {
        List<String> out = new ArrayList<>();
        int next = 0;
        for (Block block : blocks) {
            String text = replacement.apply(block);
            if (text == null) {
                continue;
            }
            out.addAll(lines.subList(next, block.first()));
            text.lines().map(line -> line.isEmpty() ? line : block.indent() + line).forEach(out::add);
            next = block.end();
        }
        out.addAll(lines.subList(next, lines.size()));
        try {
            Files.writeString(file, String.join("\n", out) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
