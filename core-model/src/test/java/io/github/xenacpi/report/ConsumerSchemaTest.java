package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.conformance.Rule;
import io.github.xenacpi.conformance.RuleCatalog;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.builder.AcpidumpTextWriter;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.SpcrBuilder;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import io.github.xenacpi.simulation.VersionGrid;
import io.github.xenacpi.strategy.MappingStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The machine formats against what their consumers validate with (issue 13 points 5 and 6): junit.xml against
 * Jenkins xUnit's {@code junit-10.xsd} and JUnit's {@code jenkins-junit.xsd}, report.sarif against the OASIS
 * SARIF 2.1.0 schema, all from {@code -Dxenacpi.schemas} (CI: {@code ../shared/reference/schemas}); a failed
 * conformance test is a {@code <failure>}, times are measured, SARIF locations are relative to
 * {@code %SRCROOT%} and fingerprints unique and the same from another folder.
 */
class ConsumerSchemaTest {

    static final Path SCHEMAS = Path.of(System.getProperty("xenacpi.schemas", "../shared/reference/schemas"));
    /** As the Maven plugin declares it. */
    static final Rule PROJECT_RULE = new Rule(
            "PROJECT.CONFORMANCE_TEST",
            Severity.ERROR,
            "The tests pass",
            "A failed conformance test of the project.",
            "the project's tests",
            "",
            Set.of(io.github.xenacpi.conformance.Profile.XEN_DOM0));

    @TempDir
    static Path root;

    static Path project;

    @BeforeAll
    static void write() throws Exception {
        project = Files.createDirectories(root.resolve("project"));
        List<Platform> platforms = new ArrayList<>();
        for (Preset p : List.of(Preset.QEMU_VIRT, Preset.HOSTILE, Preset.SERVER_RAS)) {
            Path folder =
                    Files.createDirectories(project.resolve("src/firmware").resolve(p.id()));
            Files.writeString(
                    folder.resolve("acpidump.txt"),
                    AcpidumpTextWriter.write(p.image().tables()));
            platforms.add(Platform.load(folder));
        }
        // A platform Xen refuses (FADT 5.0): its skipped strategy cases and SARIF properties must validate too.
        Path refused = Files.createDirectories(project.resolve("src/firmware/fadt-5.0"));
        Files.writeString(
                refused.resolve("acpidump.txt"),
                PlatformBuilder.create()
                        .add(new FadtBuilder()
                                .hardwareReducedArm(false)
                                .revision(5)
                                .minorVersion(0))
                        .add(new SpcrBuilder().baseAddress(GenericAddress.memory(0x0900_0000L, 32)))
                        .add(new MadtBuilder()
                                .add(new MadtTable.Gicd(0, 0x0800_0000L, 0, 3))
                                .gicc(0, 0x0, 0))
                        .add(DefinitionBlockBuilder.dsdt()
                                .content(root -> root.scope(
                                        "\\_SB",
                                        sb -> sb.device(
                                                "UAR0", d -> d.hid("ARMH0011").uid(0)))))
                        .build()
                        .acpidumpText());
        platforms.add(Platform.load(refused));
        ConformanceReport report = ConformanceReport.of(platforms, Instant.parse("2026-01-02T03:04:05Z"));
        List<PlatformReport> withTests = new ArrayList<>(report.platforms());
        withTests.set(
                0,
                withTests
                        .get(0)
                        .withFindings(List.of(new ReportFinding(
                                PROJECT_RULE.id(),
                                Severity.ERROR,
                                "",
                                0,
                                0,
                                "BusNotifyTest dom0Boots: expected no aborts",
                                "BusNotifyTest",
                                ""))));
        List<Rule> rules = new ArrayList<>(RuleCatalog.all());
        rules.add(PROJECT_RULE);
        for (int i = 0; i < withTests.size(); i++) {
            PlatformReport p = withTests.get(i);
            withTests.set(
                    i,
                    p.withGrid(VersionGrid.of(
                            platforms.get(i),
                            List.of(XenVersion.V4_8, XenVersion.V4_22),
                            List.of(LinuxVersion.V6_6),
                            p.platform().descriptor().smmu(),
                            MappingStrategy.all())));
        }
        ConformanceReport all = ConformanceReport.assemble(withTests, rules, Instant.parse("2026-01-02T03:04:05Z"));
        ReportWriter.write(all, project.resolve("target/xenacpi"), ReportWriter.FILES, project);
        ReportWriter.write(all, root.resolve("elsewhere"), ReportWriter.FILES, root.resolve("nowhere"));
    }

    private static Path schema(String name) {
        Path file = SCHEMAS.resolve(name);
        assumeTrue(Files.isRegularFile(file), "no " + file + " (set -Dxenacpi.schemas)");
        return file;
    }

    @Test
    void junitXmlValidatesAgainstJenkinsXunitAndJunit5Xsds() throws Exception {
        Path junit = project.resolve("target/xenacpi/junit.xml");
        for (String xsd : List.of("junit-10.xsd", "junit5-jenkins-junit.xsd")) {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(schema(xsd).toFile())
                    .newValidator()
                    .validate(new StreamSource(junit.toFile()));
        }
    }

    @Test
    void aFailedConformanceTestIsAFailureAndTimesAreMeasured() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(project.resolve("target/xenacpi/junit.xml").toFile());
        NodeList cases = doc.getElementsByTagName("testcase");
        Element conformance = null;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").equals("PROJECT.CONFORMANCE_TEST")) {
                conformance = c;
            }
        }
        assertThat(conformance).as("the failed conformance test is a case").isNotNull();
        assertThat(conformance.getElementsByTagName("failure").getLength()).isEqualTo(1);
        // Every suite carries a measured time; a fast rule pass may round to 0.000 s, the run as a whole may not.
        NodeList suites = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Element s = (Element) suites.item(i);
            assertThat(Double.parseDouble(s.getAttribute("time")))
                    .as(s.getAttribute("name"))
                    .isNotNegative();
        }
        assertThat(doc.getDocumentElement().hasAttribute("skipped"))
                .as("junit-10.xsd has no testsuites@skipped")
                .isFalse();
        assertThat(Double.parseDouble(doc.getDocumentElement().getAttribute("time")))
                .isPositive();
    }

    @Test
    void sarifValidatesAgainstTheOasisSchemaWithRelativeUrisAndUniqueStableFingerprints() throws Exception {
        Path file = project.resolve("target/xenacpi/report.sarif");
        Schema sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(Files.readString(schema("sarif-schema-2.1.0.json")), InputFormat.JSON);
        assertThat(sarifSchema.validate(Files.readString(file), InputFormat.JSON))
                .isEmpty();

        JsonNode sarif = new ObjectMapper().readTree(file.toFile());
        JsonNode elsewhere = new ObjectMapper()
                .readTree(root.resolve("elsewhere/report.sarif").toFile());
        Set<String> fingerprints = new HashSet<>();
        List<String> here = new ArrayList<>();
        for (JsonNode run : sarif.path("runs")) {
            assertThat(run.path("tool").path("driver").path("informationUri").asText())
                    .isEqualTo("https://github.com/xenacpi/xen-acpi-conformance")
                    .isEqualTo(ToolVersion.url());
            assertThat(run.path("originalUriBaseIds")
                            .path("%SRCROOT%")
                            .path("uri")
                            .asText())
                    .isEqualTo(project.toUri().toString());
            for (JsonNode r : run.path("results")) {
                String fp =
                        r.path("partialFingerprints").path("xenacpiFinding/v1").asText();
                assertThat(fingerprints.add(fp))
                        .as("unique: %s", r.path("message").path("text"))
                        .isTrue();
                here.add(fp);
                JsonNode artifact =
                        r.path("locations").get(0).path("physicalLocation").path("artifactLocation");
                if (!artifact.isMissingNode()) {
                    assertThat(artifact.path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
                    assertThat(artifact.path("uri").asText())
                            .startsWith("src/firmware/")
                            .doesNotContain(root.toString());
                }
            }
        }
        assertThat(here).isNotEmpty();
        List<String> there = new ArrayList<>();
        elsewhere
                .path("runs")
                .forEach(run -> run.path("results")
                        .forEach(r -> there.add(r.path("partialFingerprints")
                                .path("xenacpiFinding/v1")
                                .asText())));
        assertThat(there).as("the same fingerprints from another source root").isEqualTo(here);
        JsonNode outside = elsewhere.path("runs").get(0);
        assertThat(outside.path("originalUriBaseIds").has("PLATFORM1")).isTrue();
        assertThat(outside.toString()).doesNotContain("\"uri\":\"/");
    }
}
