package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.SpcrBuilder;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.simulation.VersionGrid;
import io.github.xenacpi.strategy.MappingStrategy;
import io.github.xenacpi.testing.SchemaCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validate goal's Xen x Linux grid: computed by the same model as the platform's own simulations, carried in
 * report.json (valid against its schema) and printed on the console; a FADT 5.0 platform's cells say that Xen
 * refuses the tables; no grid unless asked.
 */
class ValidationGridTest {

    @TempDir
    Path dir;

    private PlatformSource fadt50() throws Exception {
        Path folder = dir.resolve("fadt-5.0");
        PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false).revision(5).minorVersion(0))
                .add(new SpcrBuilder().baseAddress(GenericAddress.memory(0x0900_0000L, 32)))
                .add(new MadtBuilder()
                        .add(new MadtTable.Gicd(0, 0x0800_0000L, 0, 3))
                        .gicc(0, 0x0, 0))
                .add(DefinitionBlockBuilder.dsdt()
                        .content(root -> root.scope(
                                "\\_SB",
                                sb -> sb.device("UAR0", d -> d.hid("ARMH0011").uid(0)))))
                .build()
                .writeTableDirectory(folder);
        return PlatformSource.at(folder);
    }

    @Test
    void aRefusedPlatformMeetsNoStrategyRequirementAndSaysWhoMustAct() throws Exception {
        PlatformReport p = new Validation(MappingStrategy.all(), Overrides.parse("4.22", "6.6", null), 1).one(fadt50());

        assertThat(p.results()).noneMatch(StrategyRequirement::works);
        assertThat(StrategyRequirement.ANY.unmetBy(p))
                .get()
                .asString()
                .contains("Xen refuses these tables")
                .contains("acpi_parse_fadt")
                .contains("firmware vendor must act");
        assertThat(StrategyRequirement.parse("stage2-fault", MappingStrategy.all())
                        .unmetBy(p))
                .isPresent();
        assertThat(StrategyRequirement.NONE.unmetBy(p)).isEmpty();
    }

    @Test
    void noGridUnlessAsked() throws Exception {
        PlatformReport p =
                new Validation(MappingStrategy.all(), Overrides.NONE, 1).one(PlatformSource.of(Preset.SEED_RFC));

        assertThat(p.grid()).isNull();
        assertThat(new ObjectMapper().valueToTree(p).has("grid")).isFalse();
    }

    @Test
    void theGridAgreesWithTheSimulationOfTheSamePairAndReachesReportJsonAndTheConsole() throws Exception {
        VersionAxes axes = VersionAxes.parse("4.8,4.17,4.22", "4.10,6.6");
        List<String> console = new ArrayList<>();
        RunLog log = new RunLog() {
            @Override
            public void info(String line) {
                console.add(line);
            }

            @Override
            public void debug(String line) {}

            @Override
            public void warn(String line) {
                console.add(line);
            }

            @Override
            public void error(String line) {
                console.add(line);
            }
        };
        ValidationSettings settings = ValidationSettings.builder()
                .platforms(List.of(PlatformSource.of(Preset.SEED_RFC), fadt50()))
                .strategies(MappingStrategy.all())
                .overrides(Overrides.parse("4.8", "6.6", null))
                .formats(EnumSet.allOf(ReportFormat.class))
                .reportDirectory(dir.resolve("report"))
                .threads(2)
                .grid(axes)
                .build();

        List<PlatformReport> read = new ArrayList<>();
        ValidationRun.Outcome outcome = ValidationRun.execute(settings, Instant.EPOCH, log, read::add);

        assertThat(outcome.platforms()).isEqualTo(read.size());
        PlatformReport seed = read.get(0);
        VersionGrid grid = seed.grid();
        assertThat(grid.xen()).containsExactly(XenVersion.V4_8, XenVersion.V4_17, XenVersion.V4_22);
        assertThat(grid.linux()).containsExactly(LinuxVersion.V4_10, LinuxVersion.V6_6);
        // The cell of the platform's own pair is the platform's own simulation.
        VersionGrid.Cell own = grid.cell(XenVersion.V4_8, LinuxVersion.V6_6).orElseThrow();
        assertThat(own.strategies())
                .extracting(s -> s.strategy() + "=" + s.verdict())
                .containsExactlyElementsOf(seed.results().stream()
                        .map(r -> r.strategy() + "=" + r.verdict())
                        .toList());

        PlatformReport refused = read.get(1);
        assertThat(refused.grid().cells()).hasSize(6).allSatisfy(c -> {
            assertThat(c.built()).isFalse();
            assertThat(c.notBuilt()).startsWith("acpi_parse_fadt: FADT 5.0");
        });

        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("report/report.json")));
        assertThat(SchemaCheck.violations(SchemaCheck.load(ConformanceReport.SCHEMA_RESOURCE), json))
                .isEmpty();
        JsonNode cells = json.path("platforms").get(0).path("grid").path("cells");
        assertThat(cells).hasSize(6);
        assertThat(cells.get(1).path("xen").asText()).isEqualTo("4.8");
        assertThat(cells.get(1).path("linux").asText()).isEqualTo("6.6");
        assertThat(json.path("platforms")
                        .get(1)
                        .path("grid")
                        .path("cells")
                        .get(0)
                        .path("built")
                        .asBoolean())
                .isFalse();

        // HTML: a grid table per platform, rows Xen, columns Linux; the refused platform says who must act.
        String html = Files.readString(outcome.location());
        assertThat(html)
                .contains("<table class=\"grid\">")
                .contains("<th>Xen \\ Linux</th><th>4.10</th><th>6.6</th>")
                .contains("data-xen=\"4.22\" data-linux=\"6.6\"><b>8 of 8 boot Dom0</b>")
                .contains("<b>Xen refuses</b><small>acpi_parse_fadt: FADT 5.0")
                .contains("Xen 4.8 refuses these tables and never builds Dom0");
        // SARIF run properties and junit.xml say the same.
        JsonNode sarif = new ObjectMapper().readTree(Files.readString(dir.resolve("report/report.sarif")));
        JsonNode props = sarif.path("runs").get(0).path("properties").path("platforms");
        assertThat(props.path("fadt-5.0").path("status").asText()).isEqualTo("not-built");
        assertThat(props.path("fadt-5.0").path("notBuilt").asText()).startsWith("acpi_parse_fadt: FADT 5.0");
        assertThat(props.path("fadt-5.0")
                        .path("versionGrid")
                        .path("xen-4.22/linux-6.6")
                        .path("built")
                        .asBoolean())
                .isFalse();
        assertThat(props.path("seed-rfc")
                        .path("versionGrid")
                        .path("xen-4.22/linux-6.6")
                        .path("booting"))
                .hasSize(8);
        String junit = Files.readString(dir.resolve("report/junit.xml"));
        assertThat(junit).contains("not run: Xen refuses these tables (acpi_parse_fadt: FADT 5.0");
        assertThat(junit)
                .containsPattern(
                        "<testcase classname=\"fadt-5.0.firmware\" name=\"XEN.DOM0.NOT_BUILT\"[^>]*>\\s*<failure");

        assertThat(console).anySatisfy(l -> assertThat(l).contains("seed-rfc: Xen x Linux grid"));
        assertThat(console).anySatisfy(l -> assertThat(l).startsWith("  4.22").contains("8/8 boot"));
        assertThat(console).anySatisfy(l -> assertThat(l).contains("refused [A]"));
        assertThat(console)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("  [A] Xen refuses these tables, the firmware"
                                + " vendor must act: acpi_parse_fadt: FADT 5.0"));
        assertThat(console)
                .anySatisfy(l -> assertThat(l)
                        .contains("fadt-5.0")
                        .contains("refuses these tables")
                        .contains("firmware vendor must act"));
    }
}
