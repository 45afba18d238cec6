package io.github.xenacpi.xen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.platform.XenVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins try_map_mmio, do_trap_stage2_abort_guest's order and map_dev_mmio_page (src-site/markdown/dom0-model.md, "Xen").
 */
class HypervisorTest {

    private static final long UART = 0x0900_0000L;
    private static final long GICD = 0x0800_0000L;
    private static final long ECAM = 0x40_1000_0000L;

    private static Hypervisor xen(XenVersion version) {
        List<DescribedRegion> regions = List.of(
                new DescribedRegion(
                        RegionKind.SERIAL_PORT,
                        AddressSpace.SYSTEM_MEMORY,
                        UART,
                        0x1000,
                        "SPCR",
                        1,
                        44,
                        "SPCR.baseAddress"),
                new DescribedRegion(
                        RegionKind.GIC_DISTRIBUTOR,
                        AddressSpace.SYSTEM_MEMORY,
                        GICD,
                        0x10000,
                        "APIC",
                        1,
                        48,
                        "MADT.gicd"));
        return new Hypervisor(
                version,
                new StageTwoTable(StageTwoGeometry.forIpaBits(48)),
                IomemPermissions.forAcpiHardwareDomain(version, regions),
                List.of(FrameRange.covering(GICD, 0x10000)));
    }

    @Test
    void xen48InjectsTheAbortIntoDom0() {
        Hypervisor xen = xen(XenVersion.V4_8);

        StageTwoAbort abort = xen.dataAccess(ECAM);

        assertThat(abort.resolution()).isEqualTo(AbortResolution.INJECTED);
        assertThat(abort.function()).isEqualTo("inject_dabt_exception");
        assertThat(abort.reason()).contains("4.9");
        assertThat(xen.stageTwoFaults()).isEqualTo(1);
    }

    @Test
    void xen49MapsOnePermittedPageAndTheNextAccessDoesNotTrap() {
        Hypervisor xen = xen(XenVersion.V4_9);

        assertThat(xen.dataAccess(ECAM + 8).resolution()).isEqualTo(AbortResolution.MAPPED_ON_FAULT);
        assertThat(xen.dataAccess(ECAM + 0xFF8)).isNull();
        assertThat(xen.dataAccess(ECAM + 0x1000).resolution()).isEqualTo(AbortResolution.MAPPED_ON_FAULT);
        assertThat(xen.p2m().lookup(ECAM >>> 12)).hasValueSatisfying(m -> {
            assertThat(m.type()).isEqualTo(P2mType.MMIO_DIRECT_C);
            assertThat(m.level()).isEqualTo(3);
        });
        assertThat(xen.stageTwoFaults()).isEqualTo(2);
    }

    @Test
    void from49To415ThePageBeforeADeniedRegionIsNeverMappedLazily() {
        long before = UART - 0x1000;

        assertThat(xen(XenVersion.V4_9).dataAccess(before).resolution()).isEqualTo(AbortResolution.INJECTED);
        assertThat(xen(XenVersion.V4_16).dataAccess(before).resolution()).isEqualTo(AbortResolution.MAPPED_ON_FAULT);
    }

    @Test
    void deniedUartPageAborts() {
        StageTwoAbort abort = xen(XenVersion.V4_17).dataAccess(UART);

        assertThat(abort.resolution()).isEqualTo(AbortResolution.INJECTED);
        assertThat(abort.reason()).contains("denied");
    }

    @Test
    void emulatedGicIsHandledBeforeLazyMappingUntil422AndAfterCheckP2mFrom422() {
        // A vGIC frame left permitted: 4.17 emulates it, 4.22 (17a9070d22) maps it raw.
        Hypervisor v417 = new Hypervisor(
                XenVersion.V4_17,
                new StageTwoTable(StageTwoGeometry.forIpaBits(48)),
                IomemPermissions.permitAll(XenVersion.V4_17),
                List.of(FrameRange.covering(GICD, 0x10000)));
        Hypervisor v422 = new Hypervisor(
                XenVersion.V4_22,
                new StageTwoTable(StageTwoGeometry.forIpaBits(48)),
                IomemPermissions.permitAll(XenVersion.V4_22),
                List.of(FrameRange.covering(GICD, 0x10000)));

        assertThat(v417.dataAccess(GICD).resolution()).isEqualTo(AbortResolution.EMULATED);
        assertThat(v422.dataAccess(GICD).resolution()).isEqualTo(AbortResolution.MAPPED_ON_FAULT);
        assertThat(xen(XenVersion.V4_22).dataAccess(GICD).resolution()).isEqualTo(AbortResolution.EMULATED);
    }

    @Test
    void devMmioSkipsDeniedPagesSilentlyAndUsesTheVersionsType() {
        Hypervisor v48 = xen(XenVersion.V4_8);
        long[] frames = {UART >>> 12, (UART >>> 12) + 2, ECAM >>> 12};

        PhysmapResult result = v48.addToPhysmapBatch(frames, frames);

        assertThat(result.rc()).isZero();
        assertThat(result.errs()).containsOnly(0);
        assertThat(result.pagesMapped()).isEqualTo(2);
        assertThat(result.pagesSilentlyDenied()).isEqualTo(1);
        assertThat(v48.p2m().lookup(ECAM >>> 12))
                .hasValueSatisfying(m -> assertThat(m.type()).isEqualTo(P2mType.MMIO_DIRECT_DEV));
        assertThat(v48.hypercalls()).isEqualTo(1);

        Hypervisor v49 = xen(XenVersion.V4_9);
        v49.addToPhysmapBatch(new long[] {ECAM >>> 12}, new long[] {ECAM >>> 12});
        assertThat(v49.p2m().lookup(ECAM >>> 12))
                .hasValueSatisfying(m -> assertThat(m.type()).isEqualTo(P2mType.MMIO_DIRECT_C));
    }

    @Test
    void anInvalidGfnGetsEinvalInItsSlotOnly() {
        PhysmapResult result = xen(XenVersion.V4_17).addToPhysmapBatch(new long[] {1, 2}, new long[] {-1, 2});

        assertThat(result.errs()).containsExactly(Hypervisor.EINVAL, 0);
        assertThat(result.rc()).isZero();
    }
}
