package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.PlatformDescriptorReader;
import io.github.xenacpi.platform.SettingSource;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.Summary;
import io.github.xenacpi.testing.SchemaCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verdicts that tell the truth (issue 13 points 2 and 4): a bare dump is simulated with the newest modelled Xen
 * and Linux and every format says so and where each setting came from; the seed-era pair is one setting away;
 * a damaged platform gets no confident verdict anywhere, with the input defect first.
 */
class VerdictTruthTest {

    static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    static Path dir;

    static ConformanceReport report;

    @BeforeAll
    static void write() throws Exception {
        Platform bare = new Platform("bare", AcpiTables.load(Preset.QEMU_VIRT.image()), PlatformDescriptor.DEFAULT);
        report = ConformanceReport.of(List.of(bare, Preset.SEED_RFC.platform(), Preset.HOSTILE.platform()), TIME);
        ReportWriter.write(report, dir);
    }

    @Test
    void newestIsTheGreatestKnownRelease() {
        assertThat(XenVersion.NEWEST).isEqualTo(XenVersion.V4_22);
        assertThat(XenVersion.PROFILES)
                .allSatisfy(v -> assertThat(XenVersion.NEWEST.atLeast(v)).isTrue());
        assertThat(LinuxVersion.NEWEST.atLeast(LinuxVersion.V6_18)).isTrue();
        assertThat(PlatformDescriptor.DEFAULT.xen()).isEqualTo(XenVersion.NEWEST);
        assertThat(PlatformDescriptor.DEFAULT.linux()).isEqualTo(LinuxVersion.NEWEST);
        assertThat(PlatformDescriptor.DEFAULT.sources().xen()).isEqualTo(SettingSource.DEFAULT);
    }

    @Test
    void theSeedEraPairIsOneSettingAwayAndNamedAsSuch(@TempDir Path folder) throws Exception {
        Files.writeString(
                folder.resolve(PlatformDescriptorReader.FILE_NAME), "{\"xen\": \"4.8\", \"linux\": \"4.10\"}");
        PlatformDescriptor d = PlatformDescriptorReader.besides(folder);
        assertThat(d.xen()).isEqualTo(XenVersion.V4_8);
        assertThat(d.linux()).isEqualTo(LinuxVersion.V4_10);
        assertThat(d.sources().xen()).isEqualTo(SettingSource.DESCRIPTOR);
        assertThat(d.sources().smmu()).as("not in the file").isEqualTo(SettingSource.DEFAULT);
        assertThat(PlatformDescriptor.SEED_ERA.xen()).isEqualTo(XenVersion.V4_8);
        assertThat(Preset.SEED_RFC.descriptor().sources().xen()).isEqualTo(SettingSource.PRESET);
    }

    @Test
    void everyFormatSaysWhichXenLinuxAndSmmuAndWhereEachCameFrom() throws Exception {
        String xen = XenVersion.NEWEST.toString();
        String linux = LinuxVersion.NEWEST.toString();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(SchemaCheck.violations(SchemaCheck.load(ConformanceReport.SCHEMA_RESOURCE), json))
                .isEmpty();
        JsonNode bare = json.path("platforms").get(0).path("settings");
        assertThat(bare.path("xen").path("value").asText()).isEqualTo(xen);
        assertThat(bare.path("xen").path("source").asText()).isEqualTo("default");
        assertThat(bare.path("linux").path("value").asText()).isEqualTo(linux);
        assertThat(bare.path("smmu").path("value").asText()).isEqualTo("none");
        JsonNode seed = json.path("platforms").get(1).path("settings");
        assertThat(seed.path("xen").path("value").asText()).isEqualTo("4.8");
        assertThat(seed.path("xen").path("source").asText()).isEqualTo("preset");

        String line = "Xen " + xen + " (default), Linux " + linux + " (default), SMMU none (default)";
        assertThat(ConsoleSummary.platform(report.platforms().get(0)))
                .contains("xenacpi: bare: simulated with " + line);
        assertThat(Files.readString(dir.resolve("index.html")))
                .contains("Simulated with <b>" + line + "</b>")
                .contains("Simulated with <b>Xen 4.8 (preset), Linux 6.6 (preset), SMMU shared (preset)</b>");
        JsonNode sarif = new ObjectMapper().readTree(dir.resolve("report.sarif").toFile());
        for (JsonNode run : sarif.path("runs")) {
            JsonNode props = run.path("properties").path("platforms").path("bare");
            assertThat(props.path("settings").path("xen").path("value").asText())
                    .isEqualTo(xen);
            assertThat(props.path("settings").path("xen").path("source").asText())
                    .isEqualTo("default");
        }
    }

    @Test
    void aDamagedPlatformGetsNoConfidentVerdictInAnyFormat() throws Exception {
        PlatformReport hostile = report.platforms().get(2);
        assertThat(hostile.complete()).isFalse();
        assertThat(hostile.summary().status()).isEqualTo(Summary.INCOMPLETE);
        assertThat(hostile.summary().recommended()).isNull();
        assertThat(hostile.summary().explanation()).startsWith("No verdict: the input is damaged");
        var first = hostile.findings().get(0);
        assertThat(first.inputDamage()
                        || hostile.input().losses().stream()
                                .anyMatch(l -> l.table().equals(first.table())))
                .as("the input defect first: %s", first)
                .isTrue();

        List<String> console = ConsoleSummary.platform(hostile);
        assertThat(console.get(2))
                .startsWith("xenacpi: hostile: INCOMPLETE: the input is damaged (")
                .doesNotContain("pass")
                .doesNotContain("no strategy works")
                .doesNotContain("recommended:");
        assertThat(ConsoleSummary.end(report))
                .last()
                .asString()
                .contains("INCOMPLETE")
                .doesNotContain("PASS")
                .doesNotContain("FAIL");

        JsonNode json = new ObjectMapper()
                .readTree(dir.resolve("report.json").toFile())
                .path("platforms")
                .get(2);
        assertThat(json.path("input").path("complete").asBoolean()).isFalse();
        assertThat(json.path("input").path("losses")).isNotEmpty();
        assertThat(json.path("summary").path("status").asText()).isEqualTo("incomplete");
        assertThat(json.path("summary").path("recommended").isNull()).isTrue();

        String section = Files.readString(dir.resolve("index.html"));
        section = section.substring(section.indexOf("<section id=\"p2\""));
        assertThat(section)
                .contains("No verdict: the input is damaged")
                .doesNotContain("(recommended)")
                .doesNotContain("strategies that work")
                .doesNotContain("No strategy works")
                .doesNotContain("Why the other strategies fall short");
        assertThat(section.substring(section.indexOf("<h3>Firmware findings")))
                .as("the input defect is the first finding")
                .contains(hostile.findings().get(0).ruleId());
        String matrixRow = Files.readString(dir.resolve("index.html"));
        matrixRow = matrixRow.substring(
                matrixRow.indexOf("href=\"#p2\""), matrixRow.indexOf("</tr>", matrixRow.indexOf("href=\"#p2\"")));
        assertThat(matrixRow)
                .contains("INCOMPLETE")
                .contains("no verdict: damaged input")
                .doesNotContain(">PASS<")
                .doesNotContain(">FAIL<")
                .doesNotContain(" rec\"");

        JsonNode sarif = new ObjectMapper().readTree(dir.resolve("report.sarif").toFile());
        assertThat(sarif.path("runs")
                        .get(1)
                        .path("properties")
                        .path("platforms")
                        .path("hostile")
                        .path("status")
                        .asText())
                .isEqualTo("incomplete");

        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(dir.resolve("junit.xml").toFile());
        NodeList suites = doc.getElementsByTagName("testsuite");
        Element strategies = (Element) suites.item(5);
        assertThat(strategies.getAttribute("name")).isEqualTo("hostile strategies");
        assertThat(strategies.getAttribute("failures")).isEqualTo("0");
        assertThat(strategies.getAttribute("skipped")).isEqualTo(strategies.getAttribute("tests"));
        assertThat(Map.of("skipped", strategies.getElementsByTagName("skipped").getLength()))
                .containsEntry("skipped", Integer.parseInt(strategies.getAttribute("tests")));
    }
}
