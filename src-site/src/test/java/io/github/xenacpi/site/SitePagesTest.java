package io.github.xenacpi.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.platform.PlatformDescriptorReader;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ReportWriter;
import io.github.xenacpi.strategy.MappingStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator writes every page the site menu links, from the model, with the examples cut from the tests. */
class SitePagesTest {
    /** The site module's folder: where Surefire runs the tests. */
    private static final Path MODULE = Path.of("").toAbsolutePath();

    @TempDir
    static Path out;

    @BeforeAll
    static void generate() throws SiteException {
        SitePages.write(MODULE, out);
    }

    private static String page(String name) throws IOException {
        return Files.readString(out.resolve("markdown").resolve(name));
    }

    @Test
    void writesEveryGeneratedPageAndFile() {
        for (String page : List.of(
                "strategies.md", "presets.md", "rules.md", "schemas.md", "quick-start.md", "junit-extension.md")) {
            assertThat(out.resolve("markdown").resolve(page)).as(page).isNotEmptyFile();
        }
        for (String file : ReportWriter.FILES) {
            assertThat(out.resolve("resources/sample-report").resolve(file)).isNotEmptyFile();
        }
        assertThat(out.resolve("resources/schemas"))
                .isDirectoryContaining("glob:**/xenacpi-report-2.schema.json")
                .isDirectoryContaining("glob:**/xenacpi-inspect-1.schema.json")
                .isDirectoryContaining("glob:**/xenacpi-descriptor.schema.json");
    }

    @Test
    void everyStrategyHasASectionInPlainWords() throws IOException {
        String page = page("strategies.md");
        for (MappingStrategy s : MappingStrategy.all()) {
            assertThat(page).contains("## " + s.id() + "\n").contains("[`" + s.id() + "`](#" + s.id() + ")");
        }
        assertThat(page).contains("## The newer tables").contains("cxl_rcrb_to_component");
    }

    @Test
    void everyPresetHasItsJavadocIntent() throws IOException {
        String page = page("presets.md");
        for (Preset p : Preset.values()) {
            assertThat(page).contains("## " + p.id() + "\n");
        }
        assertThat(page)
                .contains("The acceptance platform of the problem statement")
                .doesNotContain("{@code");
    }

    @Test
    void templatesGetTheirSnippetsAndNoDirectiveIsLeft() throws IOException {
        String guide = page("junit-extension.md");
        assertThat(guide)
                .contains("class InjectionTest {")
                .contains("@interface OurRasServer")
                .contains("expected no Dom0 aborts")
                .doesNotContain("<!-- snippet")
                .doesNotContain("<!-- generated")
                .doesNotContain("// tag::")
                .doesNotContain("// end::");
        assertThat(page("quick-start.md"))
                .contains("class AcceptancePlatformTest {")
                .contains("import io.github.xenacpi.junit.XenPlatform;");
    }

    @Test
    void aMissingSnippetNamesTheTemplateLineAndTheTag() {
        assertThatThrownBy(() -> SnippetPages.expand(
                        MODULE,
                        Path.of("page.md"),
                        List.of(
                                "text",
                                "<!-- snippet: src/test/java/io/github/xenacpi/site/SitePagesTest.java#nowhere -->"),
                        Map.of()))
                .isInstanceOf(SiteException.class)
                .hasMessageContaining("page.md line 2")
                .hasMessageContaining("no snippet \"nowhere\"");
    }

    @Test
    void theDescriptorExampleIsTheSeedRfcPresets(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(PlatformDescriptorReader.FILE_NAME);
        Files.writeString(file, SchemaPage.EXAMPLE);
        assertThat(PlatformDescriptorReader.read(file)).isEqualTo(Preset.SEED_RFC.descriptor());
    }

    @Test
    void markdownTextEscapesWhatTheReaderWouldParse() {
        assertThat(Markdown.text("AML \\_SB.PWRC (a|b) <x>")).isEqualTo("AML \\\\\\_SB.PWRC (a\\|b) &lt;x&gt;");
        assertThat(Markdown.code("a|b")).isEqualTo("`a\\|b`");
    }
}
