package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
import io.github.xenacpi.conformance.Profile;
import io.github.xenacpi.conformance.RuleCatalog;
import io.github.xenacpi.inspect.InspectDocument;
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
import io.github.xenacpi.strategy.MappingStrategy;
import io.github.xenacpi.testing.SchemaCheck;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

    /** The first platform as loaded: the report keeps it without its namespace, which the inspect document reads. */
    static Platform first;

    @BeforeAll
    static void write() throws Exception {
        List<Platform> platforms = new ArrayList<>();
        for (Preset p : Preset.values()) {
            platforms.add(p.platform());
        }
        platforms.add(markup());
        first = platforms.get(0);
        report = ConformanceReport.of(platforms, TIME);
        files = ReportWriter.write(report, dir);
    }

    /** A platform whose OEM fields, AML _HID and name carry markup and ampersands. */
    static Platform markup() {
        var image = PlatformBuilder.create()
                .oem(new OemIdentity("<b&i>", "<script>", 1, "X&<", 1))
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(DefinitionBlockBuilder.dsdt()
                        .content(root -> root.scope(
                                "\\_SB",
                                sb -> sb.device(
                                        "EVIL",
                                        dev -> dev.hid(HOSTILE_HID)
                                                .uid(0)
                                                .operationRegion(
                                                        "EVRG",
                                                        AddressSpace.SYSTEM_MEMORY,
                                                        AmlTerm.integer(0x0C30_0000L),
                                                        AmlTerm.integer(0x100))))))
                .add(new McfgBuilder().allocation(0x40_1000_0000L, 0, 0, 0xFF))
                // Xen 4.8 builds no ACPI Dom0 without an SPCR (acpi_iomem_deny_access, before 4.15).
                .add(new SpcrBuilder().baseAddress(GenericAddress.memory(0x0900_0000L, 32)))
                .build()
                .image();
        return new Platform("markup <script>&", AcpiTables.load(image), PlatformDescriptor.SEED_ERA);
    }

    @Test
    void writesTheFourFiles() {
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(ReportWriter.FILES);
        assertThat(files).allSatisfy(f -> assertThat(f).isNotEmptyFile());
    }

    /** Each file is byte for byte what the format written alone gives. */
    @Test
    void formatsWrittenTogetherEqualEachWrittenAlone(@TempDir Path alone) throws Exception {
        for (String name : ReportWriter.FILES) {
            Path one = alone.resolve(name.replace('.', '-'));
            List<Path> written = ReportWriter.write(report, one, List.of(name));
            assertThat(written).containsExactly(one.resolve(name));
            assertThat(Files.readAllBytes(one.resolve(name))).as(name).isEqualTo(Files.readAllBytes(dir.resolve(name)));
        }
    }

    @Test
    void jsonFollowsItsSchemaAndKeepsTheInspectMembers() throws Exception {
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        JsonNode schema = SchemaCheck.load(ConformanceReport.SCHEMA_RESOURCE);
        assertThat(SchemaCheck.violations(schema, json)).isEmpty();
        assertThat(json.path("schema").asText()).isEqualTo("xenacpi-report/2");
        assertThat(json.path("generated").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(json.path("rules")).hasSize(RuleCatalog.all().size());
        assertThat(json.path("platforms")).hasSize(Preset.values().length + 1);
        JsonNode qemu = json.path("platforms").get(0);
        JsonNode inspect = new ObjectMapper()
                .readTree(InspectJson.text(first, report.platforms().get(0).results()));
        for (String member : List.of("regions", "diagnostics")) {
            assertThat(qemu.get(member)).as(member).isEqualTo(inspect.get(member));
        }
        assertThat(qemu.path("tables"))
                .hasSize(inspect.path("tables").size())
                .allSatisfy(t -> assertThat(t.has("fields"))
                        .as("decoded fields only with the trace")
                        .isFalse());
        assertThat(qemu.path("namespace").path("operationRegions"))
                .isEqualTo(inspect.path("namespace").path("operationRegions"));
        assertThat(qemu.has("trace")).as("the per-access trace only on request").isFalse();
        assertThat(qemu.has("simulations")).isFalse();
        assertThat(qemu.path("strategies")).hasSize(8);
        assertThat(qemu.path("summary").path("explanation").asText()).isNotBlank();
        assertThat(qemu.path("findings").findValuesAsText("severity")).isSubsetOf("error", "warning", "info");
    }

    @Test
    void theTraceOptionAddsTheInspectDocumentsSimulationsFieldsAndDevices() throws Exception {
        PlatformReport qemu = report.platforms().get(0);
        PlatformReport traced = PlatformReport.of(first, qemu.results(), ReportOptions.TRACE);
        JsonNode json = new ObjectMapper().readTree(ReportWriter.MAPPER.writeValueAsString(traced));
        JsonNode inspect = new ObjectMapper().readTree(InspectJson.text(first, qemu.results()));
        for (String member : List.of("tables", "regions", "diagnostics", "namespace")) {
            assertThat(json.get(member)).as(member).isEqualTo(inspect.get(member));
        }
        assertThat(json.get("trace")).isEqualTo(inspect.get("simulations"));
        assertThat(traced.strategies()).isEqualTo(qemu.strategies());
        assertThat(traced.findings()).isEqualTo(qemu.findings());
    }

    @Test
    void theReportKeepsWhatItsFormatsNeedOfEachPlatformButNotItsTableBytesOrNamespace() {
        ReportedPlatform kept = report.platforms().get(0).platform();
        assertThat(kept).isEqualTo(ReportedPlatform.of(first));
        assertThat(kept.name()).isEqualTo(first.name());
        assertThat(kept.descriptor()).isEqualTo(first.descriptor());
        assertThat(kept.source()).isEqualTo(first.tables().image().path());
        assertThat(kept.tables())
                .extracting(
                        ReportedPlatform.Table::signature,
                        ReportedPlatform.Table::instance,
                        ReportedPlatform.Table::size,
                        ReportedPlatform.Table::checksumValid,
                        ReportedPlatform.Table::origin)
                .containsExactlyElementsOf(first.tables().all().stream()
                        .map(t -> tuple(
                                t.signature(),
                                t.instance(),
                                t.raw().size(),
                                t.checksumValid(),
                                t.raw().origin()))
                        .toList());
        assertThat(kept.regions()).isEqualTo(first.regions());
        assertThat(kept.ram()).isEqualTo(first.ram());
        assertThat(kept.devices())
                .extracting(ReportedPlatform.Device::path)
                .isEqualTo(first.survey().devices().stream()
                        .map(NamespaceSurvey.DeviceInfo::path)
                        .toList());
        // Plain values all the way down: nothing that holds a table's bytes, its decoded form or the namespace.
        assertThat(heldTypes(ReportedPlatform.class, new HashSet<>()))
                .isNotEmpty()
                .doesNotContain(
                        byte[].class,
                        RawTable.class,
                        LoadedTable.class,
                        AcpiTables.class,
                        LoadedNamespace.class,
                        NamespaceSurvey.class,
                        Platform.class);
    }

    /** The types a record's components are, or hold as type arguments, following the project's own records. */
    private static Set<Class<?>> heldTypes(Class<?> type, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return seen;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            List<java.lang.reflect.Type> types = new ArrayList<>(List.of(c.getGenericType()));
            while (!types.isEmpty()) {
                java.lang.reflect.Type t = types.remove(types.size() - 1);
                if (t instanceof ParameterizedType pt) {
                    types.add(pt.getRawType());
                    types.addAll(List.of(pt.getActualTypeArguments()));
                } else if (t instanceof Class<?> k) {
                    seen.add(k);
                    heldTypes(k, seen);
                }
            }
        }
        return seen;
    }

    @Test
    void thePlatformPartIsTypedAndMadeWithoutAnInspectCallback() {
        PlatformReport qemu = report.platforms().get(0);
        InspectDocument inspect = InspectDocument.of(first, qemu.results());
        assertThat(qemu.tables())
                .extracting(InspectDocument.Table::signature)
                .isEqualTo(inspect.tables().stream()
                        .map(InspectDocument.Table::signature)
                        .toList());
        assertThat(qemu.tables().get(0).signature())
                .isEqualTo(qemu.platform().tables().get(0).signature());
        assertThat(qemu.regions()).isEqualTo(inspect.regions());
        assertThat(qemu.namespace().devices()).as("devices only with the trace").isNull();
        assertThat(qemu.strategies())
                .extracting(StrategyReport::strategy)
                .isEqualTo(qemu.results().stream().map(r -> r.strategy()).toList());
    }

    @Test
    void firmwareFindingsAndStrategyOutcomesAreKeptApart() {
        assertThat(report.platforms()).allSatisfy(p -> {
            assertThat(p.findings())
                    .as("no Xen Dom0 outcome among the firmware findings")
                    .noneMatch(f -> f.ruleId().startsWith("XEN.DOM0."))
                    .allMatch(f -> f.strategy().isEmpty());
            for (int i = 0; i < p.strategies().size(); i++) {
                StrategyReport s = p.strategies().get(i);
                var sim = p.results().get(i);
                assertThat(s.verdict()).isEqualTo(sim.verdict().name());
                assertThat(s.accesses()).isEqualTo(sim.outcomes().size());
                assertThat(s.outcomes()).allSatisfy(g -> {
                    assertThat(RuleCatalog.byId(g.ruleId()))
                            .get()
                            .extracting(r -> r.profiles())
                            .isEqualTo(java.util.Set.of(Profile.XEN_DOM0));
                    assertThat(g.accesses()).isPositive();
                    assertThat(g.functions()).isNotEmpty();
                });
                long problems = sim.outcomes().stream()
                        .filter(o -> io.github.xenacpi.conformance.XenDom0Rules.ruleFor(o.result())
                                .isPresent())
                        .count();
                assertThat(s.outcomes().stream()
                                .mapToLong(StrategyReport.OutcomeGroup::accesses)
                                .sum())
                        .as("every problem access is in exactly one group")
                        .isEqualTo(problems);
                if (s.verdict().equals("FAIL")) {
                    assertThat(s.outcomes()).anyMatch(g -> g.severity() == Severity.ERROR);
                }
                if (s.verdict().equals("PASS")) {
                    assertThat(s.outcomes()).noneMatch(g -> g.severity() == Severity.ERROR);
                }
            }
        });
    }

    @Test
    void outcomesAreGroupedByRegionAndCauseNotOnePerProbe() {
        PlatformReport markup = report.platforms().get(report.platforms().size() - 1);
        StrategyReport failing = markup.strategies().stream()
                .filter(s -> s.outcomes().stream().anyMatch(g -> g.kind().equals("ECAM")))
                .findFirst()
                .orElseThrow();
        List<StrategyReport.OutcomeGroup> ecam =
                failing.outcomes().stream().filter(g -> g.kind().equals("ECAM")).toList();
        assertThat(ecam).hasSize(1);
        assertThat(ecam.get(0).accesses())
                .as("every ECAM probe of the one MCFG allocation")
                .isGreaterThan(1);
        assertThat(ecam.get(0).base()).isEqualTo("0x4010000000");
        assertThat(ecam.get(0).table()).isEqualTo("MCFG");
    }

    @Test
    void htmlHasTheMatrixOneMapPerPlatformAndEscapesFirmwareText() throws Exception {
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("<table class=\"matrix\">");
        List<Preset> presets = List.of(Preset.values());
        for (int i = 0; i < presets.size(); i++) {
            String id = presets.get(i).id();
            assertThat(html).contains("<a href=\"#p" + i + "\" title=\"" + id + "\">" + id + "</a>");
        }
        assertThat(count(html, "<svg ")).isEqualTo(Preset.values().length + 1);
        assertThat(count(html, "<div class=\"tl\">"))
                .as("one boot timeline per platform")
                .isEqualTo(Preset.values().length + 1);
        assertThat(html)
                .contains("<h3>Why the other strategies fall short</h3>")
                .contains("Dom0 crashes when pci_scan_slot touches ECAM")
                .contains("<h3>Boot timeline</h3>")
                .contains("What this report answers.");
        assertThat(dir.resolve(HtmlReport.PLATFORM_DIR))
                .as("a small report is one page")
                .doesNotExist();
        assertThat(count(html, "<script")).as("only the page's own script").isEqualTo(1);
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b&i>").doesNotContain("X&<");
        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;")
                .contains("&lt;b&amp;i&gt;")
                .contains("X&amp;&lt;")
                .contains("markup &lt;script&gt;&amp;");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<link");
    }

    @Test
    void aSmallReportRemovesThePlatformPagesOfAnEarlierLargeOne(@TempDir Path folder) throws Exception {
        Path stale =
                Files.createDirectories(folder.resolve(HtmlReport.PLATFORM_DIR)).resolve("gone.html");
        Files.writeString(stale, "<p>an earlier report</p>");

        ReportWriter.write(report, folder);

        assertThat(folder.resolve(HtmlReport.PLATFORM_DIR))
                .as("a small report is one page")
                .doesNotExist();
        assertThat(folder.resolve("index.html")).isRegularFile();
    }

    @Test
    void withAStrategySubsetTheMatrixHeaderCellsAndPickerNameTheSameStrategies() {
        ConformanceReport subset = ConformanceReport.of(
                List.of(Preset.QEMU_VIRT.platform(), markup()),
                Stream.of("xen-premap", "stage2-fault")
                        .map(MappingStrategy::byId)
                        .toList(),
                ReportOptions.DEFAULT,
                TIME);
        String html = HtmlPages.of(subset).get("index.html");
        String header = html.substring(
                html.indexOf("<table class=\"matrix\">"),
                html.indexOf("</tr>", html.indexOf("<table class=\"matrix\">")));
        assertThat(count(header, "<th title=")).isEqualTo(2);
        assertThat(header)
                .contains("<code>xen-premap</code>")
                .contains("<code>stage2-fault</code>")
                .doesNotContain("bus-notify");
        for (PlatformReport p : subset.platforms()) {
            for (StrategyReport s : p.strategies()) {
                assertThat(html).contains("<td data-strategy=\"" + s.strategy() + "\" class=\"v " + s.verdict());
                assertThat(html)
                        .contains(">" + s.strategy()
                                + (s.strategy().equals(p.summary().recommended()) ? " (recommended)" : "")
                                + "</option>");
            }
        }
        assertThat(count(html, "<option value=\"1\""))
                .as("two strategies per picker")
                .isEqualTo(2);
        assertThat(count(html, "<option value=\"2\"")).isZero();
        assertThat(count(html, "<td data-strategy=")).isEqualTo(2 * 2);
    }

    @Test
    void symbolicLinksInTheReportFolderAreReplacedNotFollowed(@TempDir Path folder) throws Exception {
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
        Path target = Files.writeString(elsewhere.resolve("precious.txt"), "keep me");
        Path pagesTarget = Files.createDirectories(elsewhere.resolve("pages"));
        Path page = Files.writeString(pagesTarget.resolve("keep.html"), "<p>keep</p>");
        Path reportDir = Files.createDirectories(folder.resolve("report"));
        for (String name : ReportWriter.FILES) {
            Files.createSymbolicLink(reportDir.resolve(name), target);
        }
        Files.createSymbolicLink(reportDir.resolve(HtmlReport.PLATFORM_DIR), pagesTarget);

        ReportWriter.write(report, reportDir);

        assertThat(Files.readString(target)).isEqualTo("keep me");
        assertThat(Files.readString(page)).isEqualTo("<p>keep</p>");
        for (String name : ReportWriter.FILES) {
            assertThat(Files.isSymbolicLink(reportDir.resolve(name))).as(name).isFalse();
            assertThat(reportDir.resolve(name)).isNotEmptyFile();
        }
        assertThat(Files.isSymbolicLink(reportDir.resolve(HtmlReport.PLATFORM_DIR)))
                .isFalse();
    }

    @Test
    void largeReportsGetAnIndexAndOnePagePerPlatform() {
        Map<String, String> pages = HtmlPages.of(report, 1, Integer.MAX_VALUE);
        assertThat(pages.keySet())
                .containsExactly(
                        "index.html",
                        "platforms/seed-rfc.html",
                        "platforms/qemu-virt.html",
                        "platforms/server-ras.html",
                        "platforms/new-tables.html",
                        "platforms/hostile.html",
                        "platforms/markup_script.html");
        String index = pages.get("index.html");
        assertThat(index)
                .contains("<table class=\"matrix\">")
                .contains("href=\"platforms/qemu-virt.html\"")
                .doesNotContain("<svg")
                .doesNotContain("<section");
        assertThat(pages)
                .allSatisfy((name, html) -> assertThat(html)
                        .doesNotContain("<script>alert")
                        .doesNotContain("https://")
                        .doesNotContain("<link"));
        String markup = pages.get("platforms/markup_script.html");
        assertThat(count(markup, "<svg class=\"map\"")).isEqualTo(1);
        assertThat(markup)
                .contains("href=\"../index.html\"")
                .contains("<h2>markup &lt;script&gt;&amp;</h2>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;");
        assertThat(HtmlPages.of(report, 1, 10)).as("split by size as well").hasSize(Preset.values().length + 2);
    }

    @Test
    void sarifIsVersion210WithFirmwareFindingsAndStrategyOutcomesInSeparateRuns() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(dir.resolve("report.sarif").toFile());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs")).hasSize(2);
        JsonNode firmware = sarif.path("runs").get(0);
        JsonNode strategies = sarif.path("runs").get(1);
        assertThat(firmware.path("automationDetails").path("id").asText()).isEqualTo("xenacpi/firmware/");
        assertThat(strategies.path("automationDetails").path("id").asText()).isEqualTo("xenacpi/strategies/");
        long findings =
                report.platforms().stream().mapToLong(p -> p.findings().size()).sum();
        long groups = report.platforms().stream()
                .flatMap(p -> p.strategies().stream())
                .mapToLong(s -> s.outcomes().size())
                .sum();
        assertThat(firmware.path("results")).hasSize((int) findings).isNotEmpty();
        assertThat(strategies.path("results")).hasSize((int) groups).isNotEmpty();
        assertThat(firmware.path("results").findValuesAsText("ruleId")).noneMatch(id -> id.startsWith("XEN.DOM0."));
        assertThat(strategies.path("results").findValuesAsText("ruleId")).allMatch(id -> id.startsWith("XEN.DOM0."));
        for (JsonNode run : sarif.path("runs")) {
            assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("xen-acpi-conformance");
            JsonNode rules = run.path("tool").path("driver").path("rules");
            for (JsonNode r : run.path("results")) {
                assertThat(rules.get(r.path("ruleIndex").asInt()).path("id").asText())
                        .isEqualTo(r.path("ruleId").asText());
                assertThat(r.path("level").asText()).isIn("error", "warning", "note");
                assertThat(r.path("message").path("text").asText()).isNotBlank();
                assertThat(r.path("locations")).hasSize(1);
                assertThat(r.path("partialFingerprints")
                                .path("xenacpiFinding/v1")
                                .asText())
                        .hasSize(32);
            }
        }
        assertThat(firmware.path("tool").path("driver").path("rules").size()
                        + strategies.path("tool").path("driver").path("rules").size())
                .isEqualTo(RuleCatalog.all().size());
        JsonNode located = null;
        for (JsonNode r : firmware.path("results")) {
            if (r.path("locations").get(0).has("physicalLocation")) {
                located = r.path("locations").get(0).path("physicalLocation");
                break;
            }
        }
        assertThat(located).isNotNull();
        assertThat(located.path("region").path("byteOffset").isIntegralNumber()).isTrue();
    }

    @Test
    void junitXmlHasAFirmwareAndAStrategySuitePerPlatformWithConsistentCounts() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(dir.resolve("junit.xml").toFile());
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2 * (Preset.values().length + 1));
        int allFailures = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            PlatformReport p = report.platforms().get(i / 2);
            NodeList cases = suite.getElementsByTagName("testcase");
            int failures = suite.getElementsByTagName("failure").getLength();
            assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(cases.getLength());
            assertThat(Integer.parseInt(suite.getAttribute("failures"))).isEqualTo(failures);
            assertThat(suite.getAttribute("errors")).isEqualTo("0");
            if (i % 2 == 0) {
                assertThat(suite.getAttribute("name")).isEqualTo(p.name() + " firmware");
                long errorRules = p.findings().stream()
                        .filter(f -> f.severity() == Severity.ERROR)
                        .map(f -> f.ruleId())
                        .distinct()
                        .count();
                assertThat((long) failures).isEqualTo(errorRules);
            } else {
                assertThat(suite.getAttribute("name")).isEqualTo(p.name() + " strategies");
                assertThat(cases.getLength()).isEqualTo(p.strategies().size());
                // On a damaged platform no strategy verdict stands: every case is skipped, none fails.
                assertThat((long) failures)
                        .isEqualTo(p.complete() ? p.summary().failing().size() : 0);
                assertThat(suite.getElementsByTagName("skipped").getLength())
                        .isEqualTo(p.complete() ? 0 : p.strategies().size());
            }
            allFailures += failures;
        }
        assertThat(Integer.parseInt(doc.getDocumentElement().getAttribute("failures")))
                .isEqualTo(allFailures);
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
