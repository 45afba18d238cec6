package io.github.xenacpi.xen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.platform.XenVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins acpi_iomem_deny_access and gic_iomem_deny_access as src-site/markdown/dom0-model.md ("Xen") describes them. */
class IomemPermissionsTest {

    private static DescribedRegion region(RegionKind kind, long base, long length) {
        return new DescribedRegion(kind, AddressSpace.SYSTEM_MEMORY, base, length, "TEST", 1, 0, kind.name());
    }

    private static final List<DescribedRegion> PLATFORM = List.of(
            region(RegionKind.SERIAL_PORT, 0x0900_0000L, 0x1000),
            region(RegionKind.GIC_DISTRIBUTOR, 0x0800_0000L, 0x10000),
            region(RegionKind.GIC_REDISTRIBUTOR, 0x080A_0000L, 0xF60000),
            region(RegionKind.GIC_ITS, 0x0808_0000L, 0x20000),
            region(RegionKind.SMMU, 0x0905_0000L, 0x20000),
            region(RegionKind.ECAM, 0x40_1000_0000L, 256L << 20));

    @Test
    void aRegionRunningPastTheTopOfTheAddressSpaceIsDeniedUpToTheLastFrame() {
        IomemPermissions perms = IomemPermissions.forAcpiHardwareDomain(
                XenVersion.V4_22, List.of(region(RegionKind.GIC_REDISTRIBUTOR, 0xFFFF_FFFF_FFFF_3000L, 0x10000)));

        assertThat(perms.denied()).containsExactly(new FrameRange(0xF_FFFF_FFFF_FFF3L, 0xF_FFFF_FFFF_FFFFL));
        assertThat(perms.isPermitted(0x3)).isTrue();
    }

    @Test
    void before422EveryDeniedRegionLosesOneMorePage() {
        IomemPermissions perms = IomemPermissions.forAcpiHardwareDomain(XenVersion.V4_17, PLATFORM);

        // UART: mfn and mfn + 1 (f25fe2452b fixed the inclusive end in 4.22).
        assertThat(perms.isPermitted(0x9000)).isFalse();
        assertThat(perms.isPermitted(0x9001)).isFalse();
        assertThat(perms.isPermitted(0x9002)).isTrue();
        // GICD 64 KiB = 16 pages, plus one.
        assertThat(perms.isPermitted(0x8010)).isFalse();
        assertThat(perms.isPermitted(0x8011)).isTrue();
    }

    @Test
    void from422TheDeniedRangesAreExact() {
        IomemPermissions perms = IomemPermissions.forAcpiHardwareDomain(XenVersion.V4_22, PLATFORM);

        assertThat(perms.isPermitted(0x9000)).isFalse();
        assertThat(perms.isPermitted(0x9001)).isTrue();
        assertThat(perms.isPermitted(0x800F)).isFalse();
        assertThat(perms.isPermitted(0x8010)).isTrue();
    }

    @Test
    void itsFramesAreDeniedFrom410OnlyAndOnlyWithConfigHasIts() {
        IomemPermissions v48 = IomemPermissions.forAcpiHardwareDomain(XenVersion.V4_8, true, PLATFORM);
        IomemPermissions v410 = IomemPermissions.forAcpiHardwareDomain(XenVersion.V4_10, true, PLATFORM);
        // gicv3_its_deny_access is a stub returning 0 without CONFIG_HAS_ITS, the default of every release.
        IomemPermissions v422Default = IomemPermissions.forAcpiHardwareDomain(XenVersion.V4_22, PLATFORM);

        assertThat(v422Default.isPermitted(0x8080)).isTrue();
        assertThat(v48.isPermitted(0x8080)).isTrue();
        assertThat(v410.isPermitted(0x8080)).isFalse();
        // GICV3_ITS_SIZE covers the GITS_TRANSLATER frame at +64 KiB.
        assertThat(v410.isPermitted(0x8090)).isFalse();
    }

    @Test
    void smmuEcamAndRamStayPermitted() {
        IomemPermissions perms = IomemPermissions.forAcpiHardwareDomain(XenVersion.V4_22, PLATFORM);

        assertThat(perms.isPermitted(FrameRange.covering(0x0905_0000L, 0x20000)))
                .isTrue();
        assertThat(perms.isPermitted(FrameRange.covering(0x40_1000_0000L, 256L << 20)))
                .isTrue();
        assertThat(perms.isPermitted(0x4_0000)).isTrue();
    }

    @Test
    void adjacentDeniedRangesMerge() {
        IomemPermissions perms = IomemPermissions.forAcpiHardwareDomain(
                XenVersion.V4_8,
                List.of(
                        region(RegionKind.GIC_CPU_INTERFACE, 0x2C00_0000L, 0x2000),
                        region(RegionKind.GIC_VCPU_INTERFACE, 0x2C00_3000L, 0x2000)));

        assertThat(perms.denied()).containsExactly(new FrameRange(0x2C000, 0x2C005));
    }

    @Test
    void gicV2DeniesOnePageForTheDistributorAndTheHypervisorInterface() {
        // gicv2_iomem_deny_access: iomem_deny_access(d, mfn, mfn + 1) for dbase and hbase (one page, plus the
        // trailing page before f25fe2452b); no redistributor, so no GICv3.
        List<DescribedRegion> v2 = List.of(
                region(RegionKind.GIC_DISTRIBUTOR, 0x0800_0000L, 0x10000),
                region(RegionKind.GIC_CPU_INTERFACE, 0x0801_0000L, 0x2000),
                region(RegionKind.GIC_HYP_INTERFACE, 0x0803_0000L, 0x10000));

        assertThat(IomemPermissions.forAcpiHardwareDomain(XenVersion.V4_22, v2).denied())
                .containsExactly(
                        new FrameRange(0x8000, 0x8000), new FrameRange(0x8010, 0x8011), new FrameRange(0x8030, 0x8030));
        assertThat(IomemPermissions.forAcpiHardwareDomain(XenVersion.V4_17, v2).denied())
                .containsExactly(
                        new FrameRange(0x8000, 0x8001), new FrameRange(0x8010, 0x8012), new FrameRange(0x8030, 0x8031));
    }

    @Test
    void theOffByOneFixIsInTheStableReleases4204And4212() {
        List<DescribedRegion> uart = List.of(region(RegionKind.SERIAL_PORT, 0x0900_0000L, 0x1000));

        for (XenVersion fixed :
                List.of(XenVersion.V4_20_4, XenVersion.V4_21_2, XenVersion.V4_22, XenVersion.parse("4.21.3"))) {
            assertThat(IomemPermissions.forAcpiHardwareDomain(fixed, uart).isPermitted(0x9001))
                    .as(fixed.toString())
                    .isTrue();
        }
        for (XenVersion old :
                List.of(XenVersion.parse("4.20.3"), XenVersion.V4_21, XenVersion.parse("4.21.1"), XenVersion.V4_19)) {
            assertThat(IomemPermissions.forAcpiHardwareDomain(old, uart).isPermitted(0x9001))
                    .as(old.toString())
                    .isFalse();
        }
    }
}
