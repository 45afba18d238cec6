package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.inspect.InspectJson;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.SpcrBuilder;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.strategy.MappingStrategy;
import io.github.xenacpi.testing.SchemaCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NOT_BUILT verdict (Xen refuses the host's tables, {@code acpi_parse_fadt} on a FADT 5.0) in the opt-in trace
 * and in the HTML strategy cells, each checked against the model's results and, beside it, a platform Xen builds.
 * On the old code the trace carried the verdict without the refusal and the HTML cell said "clean".
 */
class NotBuiltReportTest {

    private static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");

    private static Platform platform(String name, int fadtRevision) {
        AcpiTables tables = AcpiTables.load(PlatformBuilder.create()
                .add(new FadtBuilder()
                        .hardwareReducedArm(false)
                        .revision(fadtRevision)
                        .minorVersion(0))
                .add(new SpcrBuilder().baseAddress(GenericAddress.memory(0x0900_0000L, 32)))
                .add(new MadtBuilder()
                        .add(new MadtTable.Gicd(0, 0x0800_0000L, 0, 3))
                        .gicc(0, 0x0, 0))
                .add(DefinitionBlockBuilder.dsdt()
                        .content(root -> root.scope(
                                "\\_SB",
                                sb -> sb.device("UAR0", d -> d.hid("ARMH0011").uid(0)))))
                .build()
                .image());
        return new Platform(
                name,
                tables,
                PlatformDescriptor.builder()
                        .xen(XenVersion.V4_22)
                        .linux(LinuxVersion.V6_6)
                        .build());
    }

    @Test
    void theTraceCarriesTheRefusalOfEveryNotBuiltSimulation(@TempDir Path dir) throws Exception {
        Platform refused = platform("fadt-5.0", 5);
        Platform built = platform("fadt-6.0", 6);
        ReportWriter.write(ConformanceReport.of(List.of(refused, built), ReportOptions.TRACE, TIME), dir);

        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(SchemaCheck.violations(SchemaCheck.load(ConformanceReport.SCHEMA_RESOURCE), json))
                .isEmpty();
        var model = Simulation.runAll(SimulationInput.of(refused), MappingStrategy.all());
        JsonNode trace = json.path("platforms").get(0).path("trace");
        assertThat(trace).hasSize(model.size());
        for (int i = 0; i < model.size(); i++) {
            assertThat(trace.get(i).path("verdict").asText()).isEqualTo("NOT_BUILT");
            assertThat(trace.get(i).path("notBuilt").path("function").asText())
                    .isEqualTo(model.get(i).notBuilt().function())
                    .isEqualTo("acpi_parse_fadt");
            assertThat(trace.get(i).path("notBuilt").path("reason").asText())
                    .isEqualTo(model.get(i).notBuilt().reason());
            assertThat(trace.get(i).path("outcomes")).isEmpty();
        }
        assertThat(json.path("platforms").get(1).path("trace"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.has("notBuilt")).isFalse());

        JsonNode inspect = InspectJson.of(refused, model);
        assertThat(SchemaCheck.violations(SchemaCheck.load(InspectJson.SCHEMA_RESOURCE), inspect))
                .isEmpty();
        assertThat(inspect.path("simulations")
                        .get(0)
                        .path("notBuilt")
                        .path("function")
                        .asText())
                .isEqualTo("acpi_parse_fadt");
    }

    @Test
    void aNotBuiltStrategyCellSaysXenRefusesNotClean(@TempDir Path dir) throws Exception {
        ReportWriter.write(
                ConformanceReport.of(
                        List.of(platform("fadt-5.0", 5), platform("fadt-6.0", 6)), ReportOptions.DEFAULT, TIME),
                dir);
        String html = Files.readString(dir.resolve("index.html"));

        String refused = row(html, "#p0");
        assertThat(refused)
                .contains("NOT_BUILT<small>" + HtmlReport.NOT_BUILT_HEADLINE + "</small>")
                .doesNotContain("clean")
                .doesNotContain(">PASS<");
        assertThat(refused.split("class=\"v NOT_BUILT", -1))
                .hasSize(MappingStrategy.all().size() + 1);
        String built = row(html, "#p1");
        assertThat(built).doesNotContain("NOT_BUILT").doesNotContain(HtmlReport.NOT_BUILT_HEADLINE);
        if (built.contains("class=\"v PASS")) {
            assertThat(built).contains("PASS<small>clean</small>");
        }
    }

    /** The matrix row of a platform, from its link to the end of the row. */
    private static String row(String html, String anchor) {
        int at = html.indexOf("href=\"" + anchor + "\"");
        assertThat(at).as("matrix row of %s", anchor).isNotNegative();
        return html.substring(at, html.indexOf("</tr>", at));
    }
}
