package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.table.AcpiTables;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.conformance.Profile;
import io.github.xenacpi.conformance.RuleCatalog;
import io.github.xenacpi.inspect.InspectJson;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.McfgBuilder;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.SpcrBuilder;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import io.github.xenacpi.testing.SchemaCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The four report files of the four presets and of a platform whose firmware strings carry markup. */
class ReportWriterTest {

    static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");
    /** Firmware text that must never reach the page raw. */
    static final String HOSTILE_HID = "<script>alert(1)</script>&\"";

    @TempDir
    static Path dir;
    static ConformanceReport report;
    static List<Path> files;

    @BeforeAll
    static void write() throws Exception {
        List<Platform> platforms = new ArrayList<>();
        for (Preset p : Preset.values()) {
            platforms.add(p.platform());
        }
        platforms.add(markup());
        report = ConformanceReport.of(platforms, InspectJson::of, TIME);
        files = ReportWriter.write(report, dir);
    }

    /** A platform whose OEM fields, AML _HID and name carry markup and ampersands. */
    static Platform markup() {
        var image = PlatformBuilder.create()
                .oem(new OemIdentity("<b&i>", "<script>", 1, "X&<", 1))
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(DefinitionBlockBuilder.dsdt().content(root -> root.scope("\\_SB", sb -> sb
                        .device("EVIL", dev -> dev.hid(HOSTILE_HID).uid(0)
                                .operationRegion("EVRG", AddressSpace.SYSTEM_MEMORY, AmlTerm.integer(0x0C30_0000L),
                                        AmlTerm.integer(0x100))))))
                .add(new McfgBuilder().allocation(0x40_1000_0000L, 0, 0, 0xFF))
                // Xen 4.8 builds no ACPI Dom0 without an SPCR (acpi_iomem_deny_access, before 4.15).
                .add(new SpcrBuilder().baseAddress(GenericAddress.memory(0x0900_0000L, 32)))
                .build().image();
        return new Platform("markup <script>&", AcpiTables.load(image), PlatformDescriptor.DEFAULT);
    }

    @Test
    void writesTheFourFiles() {
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(ReportWriter.FILES);
        assertThat(files).allSatisfy(f -> assertThat(f).isNotEmptyFile());
    }

    @Test
    void jsonFollowsItsSchemaAndKeepsTheInspectMembers() throws Exception {
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        JsonNode schema = SchemaCheck.load(ConformanceReport.SCHEMA_RESOURCE);
        assertThat(SchemaCheck.violations(schema, json)).isEmpty();
        assertThat(json.path("schema").asText()).isEqualTo("xenacpi-report/1");
        assertThat(json.path("generated").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(json.path("rules")).hasSize(RuleCatalog.all().size());
        assertThat(json.path("platforms")).hasSize(Preset.values().length + 1);
        JsonNode qemu = json.path("platforms").get(0);
        JsonNode inspect = new ObjectMapper().readTree(InspectJson.text(report.platforms().get(0).platform(),
                report.platforms().get(0).results()));
        for (String member : List.of("tables", "regions", "diagnostics", "namespace", "simulations")) {
            assertThat(qemu.get(member)).as(member).isEqualTo(inspect.get(member));
        }
        assertThat(qemu.path("simulations")).hasSize(8);
        assertThat(qemu.path("summary").path("explanation").asText()).isNotBlank();
        assertThat(qemu.path("findings").findValuesAsText("severity")).isSubsetOf("error", "warning", "info");
    }

    @Test
    void xenFindingsNameRegionFunctionFeatureStrategyAndVersions() {
        List<ReportFinding> xen = report.platforms().stream().flatMap(p -> p.findings().stream())
                .filter(f -> f.ruleId().startsWith("XEN.DOM0.")).toList();
        assertThat(xen).isNotEmpty().allSatisfy(f -> {
            assertThat(f.strategy()).isNotEmpty();
            assertThat(f.message()).contains("strategy " + f.strategy()).contains("Xen ").contains("Linux ")
                    .contains(" in ").contains(", for ");
            assertThat(RuleCatalog.byId(f.ruleId())).get().extracting(r -> r.profiles())
                    .isEqualTo(java.util.Set.of(Profile.XEN_DOM0));
        });
        PlatformReport qemu = report.platforms().get(0);
        assertThat(qemu.summary().passing()).allSatisfy(s -> assertThat(qemu.findings()).noneMatch(f ->
                f.strategy().equals(s) && f.severity() == Severity.ERROR));
        assertThat(qemu.summary().failing()).allSatisfy(s -> assertThat(qemu.findings()).anyMatch(f ->
                f.strategy().equals(s) && f.severity() == Severity.ERROR));
    }

    @Test
    void htmlHasTheMatrixOneMapPerPlatformAndEscapesFirmwareText() throws Exception {
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("<table class=\"matrix\">");
        for (Preset p : Preset.values()) {
            assertThat(html).contains("<a href=\"#p" + p.ordinal() + "\" title=\"" + p.id() + "\">" + p.id() + "</a>");
        }
        assertThat(count(html, "<svg ")).isEqualTo(Preset.values().length + 1);
        assertThat(count(html, "<div class=\"tl\">")).as("one boot timeline per platform").isEqualTo(Preset.values().length + 1);
        assertThat(html).contains("<h3>Why the other strategies fall short</h3>")
                .contains("Dom0 crashes when pci_scan_slot touches ECAM").contains("<h3>Boot timeline</h3>")
                .contains("What this report answers.");
        assertThat(dir.resolve(HtmlReport.PLATFORM_DIR)).as("a small report is one page").doesNotExist();
        assertThat(count(html, "<script")).as("only the page's own script").isEqualTo(1);
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b&i>").doesNotContain("X&<");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;")
                .contains("&lt;b&amp;i&gt;").contains("X&amp;&lt;").contains("markup &lt;script&gt;&amp;");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<link");
    }

    @Test
    void aSmallReportRemovesThePlatformPagesOfAnEarlierLargeOne(@TempDir Path folder) throws Exception {
        Path stale = Files.createDirectories(folder.resolve(HtmlReport.PLATFORM_DIR)).resolve("gone.html");
        Files.writeString(stale, "<p>an earlier report</p>");

        ReportWriter.write(report, folder);

        assertThat(folder.resolve(HtmlReport.PLATFORM_DIR)).as("a small report is one page").doesNotExist();
        assertThat(folder.resolve("index.html")).isRegularFile();
    }

    @Test
    void largeReportsGetAnIndexAndOnePagePerPlatform() {
        Map<String, String> pages = HtmlReport.pages(report, 1, Integer.MAX_VALUE);
        assertThat(pages.keySet()).containsExactly("index.html", "platforms/seed-rfc.html", "platforms/qemu-virt.html",
                "platforms/server-ras.html", "platforms/new-tables.html", "platforms/hostile.html",
                "platforms/markup_script.html");
        String index = pages.get("index.html");
        assertThat(index).contains("<table class=\"matrix\">").contains("href=\"platforms/qemu-virt.html\"")
                .doesNotContain("<svg").doesNotContain("<section");
        assertThat(pages).allSatisfy((name, html) -> assertThat(html).doesNotContain("<script>alert")
                .doesNotContain("https://").doesNotContain("<link"));
        String markup = pages.get("platforms/markup_script.html");
        assertThat(count(markup, "<svg class=\"map\"")).isEqualTo(1);
        assertThat(markup).contains("href=\"../index.html\"").contains("<h2>markup &lt;script&gt;&amp;</h2>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;");
        assertThat(HtmlReport.pages(report, 1, 10)).as("split by size as well").hasSize(Preset.values().length + 2);
    }

    @Test
    void sarifIsVersion210WithRulesResultsAndLocations() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(dir.resolve("report.sarif").toFile());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("xen-acpi-conformance");
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules).hasSize(RuleCatalog.all().size());
        assertThat(rules).allSatisfy(r -> assertThat(r.path("shortDescription").path("text").asText()).isNotBlank());
        JsonNode results = run.path("results");
        long findings = report.platforms().stream().mapToLong(p -> p.findings().size()).sum();
        assertThat(results).hasSize((int) findings).isNotEmpty();
        for (JsonNode r : results) {
            assertThat(r.path("ruleId").asText()).isNotEmpty();
            assertThat(rules.get(r.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(r.path("ruleId").asText());
            assertThat(r.path("level").asText()).isIn("error", "warning", "note");
            assertThat(r.path("message").path("text").asText()).isNotBlank();
            assertThat(r.path("locations")).hasSize(1);
            assertThat(r.path("partialFingerprints").path("xenacpiFinding/v1").asText()).hasSize(32);
        }
        JsonNode located = null;
        for (JsonNode r : results) {
            if (r.path("locations").get(0).has("physicalLocation")) {
                located = r.path("locations").get(0).path("physicalLocation");
                break;
            }
        }
        assertThat(located).isNotNull();
        assertThat(located.path("artifactLocation").path("uri").asText()).matches("builder/[A-Z0-9]{4}\\d*\\.dat");
        assertThat(located.path("region").path("byteOffset").isIntegralNumber()).isTrue();
    }

    @Test
    void junitXmlParsesWithOneSuitePerPlatformAndConsistentCounts() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("junit.xml").toFile());
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(Preset.values().length + 1);
        int allFailures = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            PlatformReport p = report.platforms().get(i);
            assertThat(suite.getAttribute("name")).isEqualTo(p.name());
            NodeList cases = suite.getElementsByTagName("testcase");
            int failures = suite.getElementsByTagName("failure").getLength();
            assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(cases.getLength());
            assertThat(Integer.parseInt(suite.getAttribute("failures"))).isEqualTo(failures);
            assertThat(suite.getAttribute("errors")).isEqualTo("0");
            long errorGroups = p.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                    .map(f -> f.ruleId() + "/" + f.strategy()).distinct().count();
            long failedVerdicts = p.results().stream()
                    .filter(s -> s.verdict() == io.github.xenacpi.simulation.Verdict.FAIL).count();
            assertThat((long) failures).isBetween(errorGroups, errorGroups + failedVerdicts);
            allFailures += failures;
        }
        assertThat(Integer.parseInt(doc.getDocumentElement().getAttribute("failures"))).isEqualTo(allFailures);
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
