package io.github.xenacpi.site;

import io.github.xenacpi.platform.preset.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The intent of each preset as its author wrote it: the Javadoc comment of each constant in {@code Preset.java},
 * read from core-model's sources and turned into Markdown, so the site and the code say the same thing.
 */
final class PresetJavadoc {
    /** Where Preset.java lies below the repository root. */
    static final String SOURCE = "core-model/src/main/java/io/github/xenacpi/platform/preset/Preset.java";

    private static final Pattern CONSTANT =
            Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*([A-Z0-9_]+)\\(\"([a-z0-9-]+)\"\\)", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\\{@code ([^}]*)}");
    private static final Pattern LINK = Pattern.compile("\\{@link #?([^}]*)}");

    private final Map<String, String> byId;

    private PresetJavadoc(Map<String, String> byId) {
        this.byId = byId;
    }

    /** Reads the comments of Preset.java below a repository root. */
    static PresetJavadoc read(Path repositoryRoot) throws SiteException {
        Path file = repositoryRoot.resolve(SOURCE);
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new SiteException("cannot read the presets' source " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> found = new HashMap<>();
        Matcher m = CONSTANT.matcher(source);
        while (m.find()) {
            found.put(m.group(3), markdown(m.group(1)));
        }
        return new PresetJavadoc(found);
    }

    /** The intent of a preset as Markdown. */
    String intent(Preset preset) throws SiteException {
        String text = byId.get(preset.id());
        if (text == null) {
            throw new SiteException("preset " + preset.id() + " has no Javadoc comment in " + SOURCE
                    + ": write one, it is the preset's description on the site");
        }
        return text;
    }

    private static String markdown(String javadoc) {
        StringBuilder out = new StringBuilder();
        for (String line : javadoc.split("\n", -1)) {
            String t = line.strip();
            t = t.startsWith("*") ? t.substring(1).strip() : t;
            out.append(t.equals("<p>") ? "\n\n" : t.replace("<p>", "\n\n")).append(' ');
        }
        String text = CODE.matcher(out.toString().strip())
                .replaceAll(r -> Matcher.quoteReplacement(Markdown.code(r.group(1))));
        text = LINK.matcher(text).replaceAll(r -> Matcher.quoteReplacement(Markdown.code(r.group(1))));
        return text.replaceAll(" +", " ").replace("\n ", "\n");
    }
}
