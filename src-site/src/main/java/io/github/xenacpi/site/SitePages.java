package io.github.xenacpi.site;

import io.github.xenacpi.conformance.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the generated part of the site into Maven's generated-site folder: the strategies, presets, rules and
 * schemas pages, the template pages with their code snippets, the JSON Schema files and the sample report. Run
 * by the site module's {@code pre-site} phase with two arguments: the site module's folder and the
 * generated-site folder.
 */
public final class SitePages {

    private SitePages() {}

    /** Generates every page; a problem stops the site build with a message naming what to fix. */
    public static void main(String[] args) throws SiteException {
        if (args.length != 2) {
            throw new SiteException("usage: SitePages SITE_MODULE_DIR GENERATED_SITE_DIR");
        }
        write(Path.of(args[0]), Path.of(args[1]));
    }

    /** Writes the generated site sources of the site module at {@code module} into {@code out}. */
    static void write(Path module, Path out) throws SiteException {
        Path markdown = out.resolve("markdown");
        Path resources = out.resolve("resources");
        try {
            Files.createDirectories(markdown);
            Files.createDirectories(resources);
            Files.writeString(markdown.resolve("strategies.md"), StrategyPage.markdown());
            Files.writeString(
                    markdown.resolve("presets.md"),
                    PresetPage.markdown(
                            PresetJavadoc.read(module.toAbsolutePath().getParent())));
            Files.writeString(markdown.resolve("rules.md"), RuleCatalog.markdown());
            Files.writeString(markdown.resolve("schemas.md"), SchemaPage.write(resources));
        } catch (IOException e) {
            throw new SiteException("cannot write the generated pages into " + markdown + ": " + e.getMessage(), e);
        }
        SampleReport.write(resources);
        SnippetPages.expand(
                module,
                module.resolve("templates"),
                markdown,
                Map.of("assertion-failure", AssertionFailureSample.text()));
    }
}
