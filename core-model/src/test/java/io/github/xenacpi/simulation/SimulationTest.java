package io.github.xenacpi.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.platform.DmaScenario;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.MemoryRange;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strategies on a static-table platform (the AML cases arrive with the namespace). */
class SimulationTest {

    private static final long ECAM = 0x40_1000_0000L;
    private static final long BERT = 0xFFFF_0000L;
    private static final long CRB = 0x1_0000_0000L;
    private static final long WDOG = 0x2A44_0000L;

    private static DescribedRegion r(RegionKind kind, String table, long base, long length) {
        return new DescribedRegion(kind, AddressSpace.SYSTEM_MEMORY, base, length, table, 1, 0, table + "." + kind);
    }

    private static final List<DescribedRegion> PLATFORM = List.of(
            r(RegionKind.GIC_DISTRIBUTOR, "APIC", 0x0800_0000L, 0x10000),
            r(RegionKind.SERIAL_PORT, "SPCR", 0x0900_0000L, 0x1000),
            r(RegionKind.ECAM, "MCFG", ECAM, 16L << 20),
            r(RegionKind.BOOT_ERROR_REGION, "BERT", BERT, 0x2000),
            r(RegionKind.TPM_CRB, "TPM2", CRB, 0x1000),
            r(RegionKind.WATCHDOG_CONTROL, "GTDT", WDOG, 0x1000));

    private static SimulationResult run(String strategy, XenVersion xen, SmmuMode smmu) {
        SimulationInput in = SimulationInput.builder()
                .regions(PLATFORM)
                .ram(List.of(new MemoryRange(0x8000_0000L, 1L << 30)))
                .xen(xen)
                .linux(LinuxVersion.V6_6)
                .smmu(smmu)
                .dma(List.of(new DmaScenario("tpm-dma-engine", RegionKind.TPM_CRB, CRB + 0x40, true)))
                .build();
        return Simulation.run(in, MappingStrategy.byId(strategy));
    }

    private static List<RegionKind> aborted(SimulationResult result) {
        return result.withResult(OutcomeResult.DOM0_ABORT).stream()
                .map(o -> o.event().kind())
                .distinct()
                .toList();
    }

    @Test
    void busNotifyOnXen48AbortsOnEverythingThatIsNotAPlatformDevice() {
        SimulationResult result = run("bus-notify", XenVersion.V4_8, SmmuMode.NONE);

        // The TPM2 table alone makes no TPM access: crb_acpi_add needs an MSFT0101 device (audit row 11).
        assertThat(aborted(result)).containsExactlyInAnyOrder(RegionKind.ECAM, RegionKind.BOOT_ERROR_REGION);
        assertThat(result.withResult(OutcomeResult.EMULATED))
                .extracting(o -> o.event().kind())
                .containsOnly(RegionKind.GIC_DISTRIBUTOR);
        // The watchdog is a platform device: the notifier mapped it before the driver's first read.
        assertThat(result.outcomes())
                .filteredOn(o -> o.event().kind() == RegionKind.WATCHDOG_CONTROL)
                .extracting(Outcome::result)
                .doesNotContain(OutcomeResult.DOM0_ABORT);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.costs().hypercalls()).isEqualTo(1);
    }

    @Test
    void mapAllPermittedStopsAtTheIpaEndWhenDeniedRangesLieBeyondIt() {
        List<DescribedRegion> beyond = List.of(
                r(RegionKind.GIC_REDISTRIBUTOR, "APIC", 1L << 32, 0x10000),
                r(RegionKind.GIC_REDISTRIBUTOR, "APIC", 2L << 32, 0x10000));
        SimulationInput in = SimulationInput.builder()
                .regions(beyond)
                .ram(List.of(new MemoryRange(0x8000_0000L, 1L << 30)))
                .ipaBits(32)
                .xen(XenVersion.V4_22)
                .linux(LinuxVersion.V6_6)
                .build();

        SimulationResult result = Simulation.run(in, MappingStrategy.byId("map-all-permitted"));

        // Everything below RAM is mapped; nothing past the 32-bit IPA end is.
        assertThat(result.costs().pagesMapped()).isEqualTo(0x8_0000L + 0x4_0000L);
    }

    @Test
    void stageTwoFaultMapsEveryCpuAccessButNotEarlyDmaUnderASharedSmmu() {
        SimulationResult none = run("stage2-fault", XenVersion.V4_8, SmmuMode.NONE);
        SimulationResult shared = run("stage2-fault", XenVersion.V4_8, SmmuMode.SHARED);

        assertThat(aborted(none)).isEmpty();
        assertThat(none.verdict()).isEqualTo(Verdict.PASS);
        // 32 ECAM slots scanned, one BERT page and the emulated distributor (no MSFT0101 device: no CRB access).
        assertThat(none.costs().stage2Faults()).isEqualTo(32 + 1 + 1);
        assertThat(shared.withResult(OutcomeResult.DMA_FAULT))
                .singleElement()
                .satisfies(o -> assertThat(o.event().function()).isEqualTo("tpm-dma-engine"));
        assertThat(shared.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void faultPlusDmaPremapClosesTheDmaHole() {
        SimulationResult result = run("fault-plus-dma-premap", XenVersion.V4_8, SmmuMode.SHARED);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void xenPremapMapsTheStaticTablesItKnowsAhead() {
        SimulationResult result = run("xen-premap", XenVersion.V4_8, SmmuMode.NONE);

        assertThat(aborted(result)).isEmpty();
        assertThat(result.costs().stage2Faults()).isEqualTo(1);
    }

    @Test
    void arm64IoremapIssuesOneHypercallPerIoremapCall() {
        SimulationResult result = run("arm64-ioremap", XenVersion.V4_8, SmmuMode.NONE);

        assertThat(aborted(result)).isEmpty();
        // ECAM, BERT and the watchdog driver's ioremap, the GIC's, plus the watchdog's device add.
        assertThat(result.costs().hypercalls()).isEqualTo(5);
    }

    @Test
    void acpiOsIoremapAloneDoesNotReachEcamOrBert() {
        assertThat(aborted(run("acpi-os-ioremap", XenVersion.V4_8, SmmuMode.NONE)))
                .contains(RegionKind.ECAM, RegionKind.BOOT_ERROR_REGION);
    }

    @Test
    void mapAllPermittedNeverFaultsAndPaysInTablePages() {
        SimulationResult result = run("map-all-permitted", XenVersion.V4_8, SmmuMode.SHARED);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        // Only the emulated distributor traps: it is denied, so never mapped.
        assertThat(result.costs().stage2Faults()).isEqualTo(1);
        assertThat(result.withResult(OutcomeResult.MAPPED_ON_FAULT)).isEmpty();
        assertThat(result.costs().p2mTablePages())
                .isGreaterThan(run("bus-notify", XenVersion.V4_8, SmmuMode.SHARED)
                        .costs()
                        .p2mTablePages());
    }

    @Test
    void xen49AlreadyMapsOnFaultUnderTheStatusQuo() {
        assertThat(aborted(run("bus-notify", XenVersion.V4_17, SmmuMode.NONE))).isEmpty();
    }
}
