package io.github.xenacpi.site;

import java.util.List;
import java.util.stream.Collectors;

/** Writes the few Markdown constructs the generated pages use, escaping what Doxia's Markdown reader would parse. */
final class Markdown {

    private Markdown() {}

    /** Text inside a code span, safe in a table cell. */
    static String code(String text) {
        return "`" + text.replace("`", "'").replace("|", "\\|") + "`";
    }

    /** Plain text with Markdown's active characters escaped, safe in a table cell. */
    static String text(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '|', '#' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A table: the header row, the separator, then one row per list of cells (cells are used as given). */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append(row(header));
        out.append(row(header.stream().map(h -> "---").toList()));
        rows.forEach(r -> out.append(row(r)));
        return out.append('\n').toString();
    }

    private static String row(List<String> cells) {
        return cells.stream().map(c -> c.replace('\n', ' ')).collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
