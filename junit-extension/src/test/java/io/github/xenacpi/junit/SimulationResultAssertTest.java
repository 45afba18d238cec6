package io.github.xenacpi.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.dom0.AccessApi;
import io.github.xenacpi.dom0.BootEvent;
import io.github.xenacpi.dom0.BootStage;
import io.github.xenacpi.junit.fixtures.AssertionsFixture;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.simulation.Outcome;
import io.github.xenacpi.simulation.OutcomeResult;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.simulation.Verdict;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

class SimulationResultAssertTest {
    private static final BootEvent ECAM = BootEvent.builder()
            .order(1)
            .stage(BootStage.SUBSYS_INITCALL)
            .api(AccessApi.ACPI_OS_IOREMAP)
            .kernelApi("acpi_os_ioremap")
            .kind(RegionKind.ECAM)
            .base(0x40_1000_0000L)
            .length(0x1000_0000L)
            .function("pci_ecam_create")
            .feature("PCI")
            .table("MCFG")
            .source("MCFG allocation[0].baseAddress")
            .build();
    private static final BootEvent GHES = BootEvent.builder()
            .order(2)
            .stage(BootStage.DEVICE_INITCALL)
            .api(AccessApi.CPU_TOUCH)
            .kernelApi("readl")
            .kind(RegionKind.GHES_STATUS_ADDRESS)
            .base(0xFF00_0000L)
            .length(8)
            .function("ghes_probe")
            .feature("RAS")
            .table("HEST")
            .source("HEST source[0].errorStatusAddress")
            .build();
    private static final BootEvent DMA = BootEvent.builder()
            .order(3)
            .stage(BootStage.RUNTIME)
            .api(AccessApi.DMA)
            .kernelApi("dma")
            .kind(RegionKind.DEVICE_RESOURCE)
            .base(0x9000_0000L)
            .length(4)
            .function("nvme")
            .feature("DMA by nvme")
            .table("")
            .source("nvme")
            .build();

    @Test
    void passingResultPassesEveryCheck() {
        SimulationResult ok = result(Verdict.PASS, new Outcome(ECAM, OutcomeResult.MAPPED_ON_FAULT, "mapped"));

        XenAssertions.assertThat(ok)
                .hasNoDom0Aborts()
                .hasNoDmaFaults()
                .mapsAll(RegionKind.ECAM)
                .hasVerdict(Verdict.PASS);
    }

    @Test
    void abortsAreListedWithRegionFunctionAndStrategy() {
        SimulationResult failed = result(
                Verdict.FAIL,
                new Outcome(ECAM, OutcomeResult.MAPPED_AHEAD, "premapped"),
                new Outcome(GHES, OutcomeResult.DOM0_ABORT, "no stage-2 mapping and Xen 4.8 does not map on fault"));

        assertThatThrownBy(() -> XenAssertions.assertThat(failed).hasNoDom0Aborts())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("strategy bus-notify (Xen 4.8, Linux 6.6, SMMU none): expected no Dom0 aborts, but 1 boot"
                        + " event failed:\n  - dom0-abort: GHES_STATUS_ADDRESS at 0xff000000 (length 0x8) in"
                        + " ghes_probe via readl [HEST source[0].errorStatusAddress]: no stage-2 mapping and Xen 4.8"
                        + " does not map on fault");
    }

    @Test
    void dmaFaultsAreListed() {
        SimulationResult failed = result(Verdict.FAIL, new Outcome(DMA, OutcomeResult.DMA_FAULT, "SMMU fault"));

        assertThatThrownBy(() -> XenAssertions.assertThat(failed).hasNoDmaFaults())
                .hasMessageContaining("expected no DMA faults, but 1 boot event failed")
                .hasMessageContaining("dma-fault: DEVICE_RESOURCE at 0x90000000 (length 0x4) in nvme via dma");
    }

    @Test
    void mapsAllNamesEveryUnmappedUseAndAnUnusedKind() {
        SimulationResult lost = result(
                Verdict.DEGRADED,
                new Outcome(ECAM, OutcomeResult.FEATURE_LOST, "hidden"),
                new Outcome(GHES, OutcomeResult.MAPPED_AHEAD, "premapped"));

        assertThatThrownBy(() -> XenAssertions.assertThat(lost).mapsAll(RegionKind.ECAM))
                .hasMessageStartingWith("strategy bus-notify (Xen 4.8, Linux 6.6, SMMU none): expected every ECAM"
                        + " region mapped, but 1 boot event failed:\n  - feature-lost: ECAM at 0x4010000000")
                .hasMessageContaining("in pci_ecam_create via acpi_os_ioremap");
        XenAssertions.assertThat(lost).mapsAll(RegionKind.GHES_STATUS_ADDRESS);
        assertThatThrownBy(() -> XenAssertions.assertThat(lost).mapsAll(RegionKind.TPM_CRB))
                .hasMessage("strategy bus-notify (Xen 4.8, Linux 6.6, SMMU none): expected every TPM_CRB region"
                        + " to be mapped, but Dom0's boot touches no TPM_CRB region");
    }

    @Test
    void wrongVerdictSaysWhichEventsDecidedIt() {
        SimulationResult failed = result(Verdict.FAIL, new Outcome(GHES, OutcomeResult.DENIED, "iomem denied"));

        assertThatThrownBy(() -> XenAssertions.assertThat(failed).hasVerdict(Verdict.PASS))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("strategy bus-notify (Xen 4.8, Linux 6.6, SMMU none): expected verdict PASS"
                        + " but was FAIL, because of:\n  - denied: GHES_STATUS_ADDRESS at 0xff000000");
    }

    @Test
    void insideAStrategyMatrixExactlyTheAbortingStrategiesFail() {
        Platform ras =
                new Platform("server-ras", AcpiTables.load(Preset.SERVER_RAS.image()), PlatformDescriptor.DEFAULT);
        SimulationInput input = SimulationInput.of(ras).with(XenVersion.V4_8, LinuxVersion.V6_6, SmmuMode.NONE);
        List<String> aborting = MappingStrategy.all().stream()
                .map(s -> Simulation.run(input, s))
                .filter(r -> !r.withResult(OutcomeResult.DOM0_ABORT).isEmpty())
                .map(SimulationResult::strategy)
                .toList();

        List<Event> failed =
                Kit.run(AssertionsFixture.class).testEvents().failed().list();

        assertThat(aborting).isNotEmpty();
        assertThat(failed)
                .map(e -> e.getTestDescriptor().getDisplayName().replaceFirst("^\\[\\d+] ", ""))
                .containsExactlyElementsOf(aborting);
        assertThat(failed)
                .allSatisfy(e -> assertThat(e.getRequiredPayload(TestExecutionResult.class)
                                .getThrowable()
                                .orElseThrow())
                        .isInstanceOf(AssertionFailedError.class)
                        .hasMessageStartingWith("strategy "
                                + e.getTestDescriptor().getDisplayName().replaceFirst("^\\[\\d+] ", "")
                                + " (Xen 4.8, Linux 6.6, SMMU none): expected no Dom0 aborts")
                        .hasMessageContaining("  - dom0-abort: "));
    }

    @Test
    void aDom0XenNeverBuiltFailsEveryAssertionAboutItsBootInsteadOfPassingOnNothing() {
        SimulationResult notBuilt = SimulationResult.notBuilt(
                "stage2-fault",
                XenVersion.V4_22,
                LinuxVersion.V6_6,
                SmmuMode.NONE,
                new io.github.xenacpi.xen.HardwareDomainBuild.Refusal(
                        "acpi_parse_fadt", "FADT 5.0: Xen 4.22 needs 5.1 or later"));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> XenAssertions.assertThat(notBuilt).hasNoDom0Aborts())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("there is no Dom0")
                .hasMessageContaining("acpi_parse_fadt: FADT 5.0")
                .hasMessageContaining("firmware vendor must act");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> XenAssertions.assertThat(notBuilt).hasNoDmaFaults())
                .isInstanceOf(AssertionFailedError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> XenAssertions.assertThat(notBuilt).hasVerdict(Verdict.PASS))
                .hasMessageContaining("but was NOT_BUILT: Xen refuses these tables");
        XenAssertions.assertThat(notBuilt).hasVerdict(Verdict.NOT_BUILT);
    }

    private static SimulationResult result(Verdict verdict, Outcome... outcomes) {
        return SimulationResult.builder()
                .strategy("bus-notify")
                .xen(XenVersion.V4_8)
                .linux(LinuxVersion.V6_6)
                .smmu(SmmuMode.NONE)
                .outcomes(List.of(outcomes))
                .verdict(verdict)
                .build();
    }
}
