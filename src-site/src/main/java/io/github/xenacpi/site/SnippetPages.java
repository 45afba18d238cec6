package io.github.xenacpi.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Hand-written pages whose code examples are cut from compiled, tested sources: each line
 * {@code <!-- snippet: path/To.java#name -->} of a template becomes a Java code block holding the lines between
 * {@code // tag::name[]} and {@code // end::name[]} of that file (path relative to the site module), with their
 * common indentation removed and other tag lines dropped; each line {@code <!-- generated: name -->} becomes the
 * block of that name, text the generator computed.
 */
final class SnippetPages {
    private static final Pattern SNIPPET = Pattern.compile("^<!-- snippet: (\\S+)#(\\S+) -->$");
    private static final Pattern GENERATED = Pattern.compile("^<!-- generated: (\\S+) -->$");
    private static final Pattern TAG = Pattern.compile("^\\s*// (tag|end)::[A-Za-z0-9-]+\\[]\\s*$");

    private SnippetPages() {}

    /** Expands every template of {@code templates} into {@code markdown}; returns the pages written. */
    static List<Path> expand(Path module, Path templates, Path markdown, Map<String, String> blocks)
            throws SiteException {
        List<Path> written = new ArrayList<>();
        try (Stream<Path> files = Files.list(templates)) {
            for (Path t :
                    files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                Path out = markdown.resolve(t.getFileName().toString());
                Files.writeString(out, expand(module, t, Files.readAllLines(t), blocks));
                written.add(out);
            }
        } catch (IOException e) {
            throw new SiteException("cannot expand the page templates of " + templates + ": " + e.getMessage(), e);
        }
        return written;
    }

    /** One template's text with its snippets in place. */
    static String expand(Path module, Path template, List<String> lines, Map<String, String> blocks)
            throws SiteException {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String where = template.getFileName() + " line " + (i + 1);
            Matcher m = SNIPPET.matcher(lines.get(i).strip());
            Matcher g = GENERATED.matcher(lines.get(i).strip());
            if (m.matches()) {
                out.append("```java\n")
                        .append(snippet(module.resolve(m.group(1)), m.group(2), where))
                        .append("```\n");
            } else if (g.matches()) {
                String block = blocks.get(g.group(1));
                if (block == null) {
                    throw new SiteException(
                            where + ": no generated block \"" + g.group(1) + "\"; known: " + blocks.keySet());
                }
                out.append("```\n").append(block).append("```\n");
            } else {
                out.append(lines.get(i)).append('\n');
            }
        }
        return out.toString();
    }

    private static String snippet(Path source, String name, String where) throws SiteException {
        List<String> lines;
        try {
            lines = Files.readAllLines(source);
        } catch (IOException e) {
            throw new SiteException(where + ": cannot read " + source + ": " + e.getMessage(), e);
        }
        int start = indexOf(lines, "// tag::" + name + "[]", 0);
        int end = start < 0 ? -1 : indexOf(lines, "// end::" + name + "[]", start + 1);
        if (start < 0 || end < 0) {
            throw new SiteException(where + ": " + source + " has no snippet \"" + name + "\" (lines // tag::" + name
                    + "[] and // end::" + name + "[])");
        }
        List<String> body = lines.subList(start + 1, end).stream()
                .filter(l -> !TAG.matcher(l).matches())
                .toList();
        int indent = body.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder out = new StringBuilder();
        body.forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return out.toString();
    }

    private static int indexOf(List<String> lines, String marker, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        return -1;
    }
}
