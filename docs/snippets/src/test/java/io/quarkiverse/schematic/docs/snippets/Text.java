package io.quarkiverse.schematic.docs.snippets;

import java.util.ArrayList;
import java.util.List;

/**
 * Snippet text compared "modulo leading indentation": trailing spaces and surrounding blank lines removed, and the
 * indentation common to all lines.
 */
final class Text {

    private Text() {
    }

    static String dedent(List<String> lines) {
        List<String> kept = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!kept.isEmpty() && kept.get(0).isEmpty()) {
            kept.remove(0);
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        int indent = kept.stream().filter(line -> !line.isEmpty())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return String.join("\n", kept.stream().map(line -> line.isEmpty() ? line : line.substring(indent)).toList());
    }
}
