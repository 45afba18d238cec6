package io.github.xenacpi.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.SpcrBuilder;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When Xen refuses to build the ACPI hardware domain ({@code acpi_parse_fadt} rejects a FADT 5.0 in every release,
 * xen/arch/arm/acpi/boot.c: "revision > 5 || (revision == 5 && minor_revision >= 1)"), no strategy runs: the
 * simulation says NOT_BUILT with the refusing function, the summary says the firmware vendor must act, and
 * XEN.DOM0.NOT_BUILT is a firmware finding. On the old code every strategy was simulated as if Dom0 existed.
 */
class NotBuiltVerdictTest {

    private static Platform platform(int fadtRevision, XenVersion xen) {
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
        PlatformDescriptor d =
                PlatformDescriptor.builder().xen(xen).linux(LinuxVersion.V6_6).build();
        return new Platform("fadt-" + fadtRevision + ".0", tables, d);
    }

    private static List<SimulationResult> simulate(Platform p) {
        return Simulation.runAll(SimulationInput.of(p), MappingStrategy.all());
    }

    @ParameterizedTest(name = "Xen {0}")
    @ValueSource(strings = {"4.8", "4.17", "4.22"})
    void aFadt50IsRefusedByEveryXenAndNoStrategyPassesOrFails(String xen) {
        Platform p = platform(5, XenVersion.parse(xen));
        List<SimulationResult> results = simulate(p);

        assertThat(results).hasSize(MappingStrategy.all().size()).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.NOT_BUILT);
            assertThat(r.built()).isFalse();
            assertThat(r.notBuilt().function()).isEqualTo("acpi_parse_fadt");
            assertThat(r.notBuilt().reason()).startsWith("FADT 5.0");
            assertThat(r.outcomes()).isEmpty();
        });
        assertThat(Simulation.run(SimulationInput.of(p), MappingStrategy.byId("stage2-fault"))
                        .verdict())
                .isEqualTo(Verdict.NOT_BUILT);

        PlatformReport report = PlatformReport.of(p, results);
        assertThat(report.summary().passing()).isEmpty();
        assertThat(report.summary().degraded()).isEmpty();
        assertThat(report.summary().failing()).isEmpty();
        assertThat(report.summary().recommended()).isNull();
        assertThat(report.summary().notBuilt().function()).isEqualTo("acpi_parse_fadt");
        assertThat(report.summary().explanation())
                .contains("Xen " + xen + " refuses these tables")
                .contains("firmware vendor must act");
        assertThat(report.findings())
                .filteredOn(f -> f.ruleId().equals("XEN.DOM0.NOT_BUILT"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.strategy())
                            .as("a firmware finding, not a strategy outcome")
                            .isEmpty();
                    assertThat(f.table()).isEqualTo("FACP");
                    assertThat(f.message()).contains("acpi_parse_fadt");
                });
        assertThat(report.findings()).extracting(ReportFinding::strategy).containsOnly("");
        assertThat(report.complete()).isTrue();
        assertThat(report.summary().status()).isEqualTo("not-built");
        assertThat(report.strategies()).allSatisfy(s -> assertThat(s.verdict()).isEqualTo("NOT_BUILT"));
    }

    @ParameterizedTest(name = "Xen {0}")
    @ValueSource(strings = {"4.8", "4.17", "4.22"})
    void aFadt60WithSpcrIsBuiltByEveryXenAndItsStrategiesRun(String xen) {
        Platform p = platform(6, XenVersion.parse(xen));
        List<SimulationResult> results = simulate(p);

        assertThat(results).allSatisfy(r -> {
            assertThat(r.verdict()).isNotEqualTo(Verdict.NOT_BUILT);
            assertThat(r.notBuilt()).isNull();
        });
        PlatformReport report = PlatformReport.of(p, results);
        assertThat(report.summary().notBuilt()).isNull();
        assertThat(report.summary().recommended()).isNotNull();
        assertThat(report.findings()).noneMatch(f -> f.ruleId().equals("XEN.DOM0.NOT_BUILT"));
    }

    @Test
    void theResultsAndTheSummaryAgreeWithTheVersionGrid() {
        Platform p = platform(5, XenVersion.V4_22);
        VersionGrid grid = VersionGrid.of(p, List.of(XenVersion.V4_22), List.of(LinuxVersion.V6_6));
        SimulationResult r = simulate(p).get(0);

        assertThat(grid.cells().get(0).notBuilt())
                .isEqualTo(r.notBuilt().function() + ": " + r.notBuilt().reason());
    }
}
