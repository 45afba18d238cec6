package io.github.xenacpi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.decoder.IortDecoder;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.builder.IortBuilder;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extents Linux maps for the MADT's GIC frames, which the table gives a base for and no length. */
class RegionExtentsTest {

    private static final AcpiTables NO_MADT =
            AcpiTables.load(PlatformBuilder.create().build().image());

    private static long extent(String table, RegionKind kind, AddressSpace space, long length, String path) {
        return RegionExtents.of(
                        List.of(new DescribedRegion(kind, space, 0x1000_0000L, length, table, 1, 40, path)), NO_MADT)
                .get(0)
                .length();
    }

    private static List<DescribedRegion> gicRegions(MadtBuilder madt) {
        AcpiTables tables =
                AcpiTables.load(PlatformBuilder.create().add(madt).build().image());
        return RegionExtents.of(tables.regions(), tables).stream()
                .filter(r -> r.table().equals("APIC"))
                .toList();
    }

    @Test
    void gicv3DistributorIs64KibItsIs128KibMsiFrameIs4KibAndADiscoveryRangeKeepsItsLength() {
        List<DescribedRegion> regions = gicRegions(new MadtBuilder()
                .add(new MadtTable.Gicd(0, 0x1000_0000L, 0, 3))
                .add(new MadtTable.GicMsiFrame(1, 0x1100_0000L, 1, 64, 96))
                .add(new MadtTable.Gicr(0x1200_0000L, 0x20_0000L))
                .add(new MadtTable.GicIts(5, 0x1300_0000L)));

        assertThat(regions)
                .extracting(DescribedRegion::kind, DescribedRegion::length)
                .containsExactly(
                        tuple(RegionKind.GIC_DISTRIBUTOR, 64L << 10),
                        tuple(RegionKind.GIC_MSI_FRAME, 4L << 10),
                        tuple(RegionKind.GIC_REDISTRIBUTOR, 0x20_0000L),
                        tuple(RegionKind.GIC_ITS, 128L << 10));
    }

    @Test
    void gicv2DistributorIs4KibAndTheCpuInterfacesAsLinuxMapsThem() {
        List<DescribedRegion> regions = gicRegions(new MadtBuilder()
                .add(MadtTable.Gicc.builder()
                        .length(80)
                        .flags(1)
                        .performanceInterruptGsiv(23)
                        .physicalBaseAddress(0x2C00_2000L)
                        .gicvBaseAddress(0x2C00_6000L)
                        .gichBaseAddress(0x2C00_4000L)
                        .vgicMaintenanceInterrupt(25)
                        .build())
                .add(new MadtTable.Gicd(0, 0x2C00_1000L, 0, 2)));

        assertThat(regions)
                .extracting(DescribedRegion::kind, DescribedRegion::length)
                .containsExactly(
                        tuple(RegionKind.GIC_CPU_INTERFACE, 8L << 10),
                        tuple(RegionKind.GIC_VCPU_INTERFACE, 8L << 10),
                        tuple(RegionKind.GIC_HYP_INTERFACE, 4L << 10),
                        tuple(RegionKind.GIC_DISTRIBUTOR, 4L << 10));
    }

    @Test
    void perCpuRedistributorIs128KibOnGicv3And256KibOnGicv4() {
        for (int version : new int[] {3, 4}) {
            List<DescribedRegion> regions = gicRegions(new MadtBuilder()
                    .gicc(0, 0, 0x1708_0000L)
                    .gicc(1, 0x100, 0x170C_0000L)
                    .add(new MadtTable.Gicd(0, 0x1700_0000L, 0, version)));

            long size = version == 4 ? 256 << 10 : 128 << 10;
            assertThat(regions)
                    .filteredOn(r -> r.kind() == RegionKind.GIC_REDISTRIBUTOR)
                    .extracting(DescribedRegion::base, DescribedRegion::length)
                    .containsExactly(tuple(0x1708_0000L, size), tuple(0x170C_0000L, size));
        }
    }

    @Test
    void aDiscoveryRangeOfLengthZeroStaysEmpty() {
        List<DescribedRegion> regions = gicRegions(new MadtBuilder()
                .add(new MadtTable.Gicd(0, 0x1000_0000L, 0, 3))
                .add(new MadtTable.Gicr(0x1200_0000L, 0)));

        assertThat(regions)
                .filteredOn(r -> r.kind() == RegionKind.GIC_REDISTRIBUTOR)
                .extracting(DescribedRegion::length)
                .containsExactly(0L);
    }

    @Test
    void spcrConsoleIsOnePageInMemoryAndEightPortsInIoSpace() {
        assertThat(extent("SPCR", RegionKind.SERIAL_PORT, AddressSpace.SYSTEM_MEMORY, 4, "SPCR.baseAddress"))
                .isEqualTo(4096);
        assertThat(extent("SPCR", RegionKind.SERIAL_PORT, AddressSpace.SYSTEM_IO, 1, "SPCR.baseAddress"))
                .isEqualTo(8);
        assertThat(extent("SPCR", RegionKind.SERIAL_PORT, AddressSpace.PCI_CONFIG, 4, "SPCR.baseAddress"))
                .isEqualTo(4);
    }

    @Test
    void linuxReadsTheTpmControlAreaTheBitmapHeaderAndTheFpdtTablesHeader() {
        assertThat(extent("TPM2", RegionKind.TPM_CRB, AddressSpace.SYSTEM_MEMORY, 0, "TPM2.controlAddress"))
                .isEqualTo(0x30);
        assertThat(extent("TPM2", RegionKind.TPM_CRB, AddressSpace.SYSTEM_MEMORY, 4, "TPM2.parameters.startAddress"))
                .isEqualTo(4);
        assertThat(extent("BGRT", RegionKind.BOOT_GRAPHICS_IMAGE, AddressSpace.SYSTEM_MEMORY, 0, "BGRT.imageAddress"))
                .isEqualTo(6);
        assertThat(extent(
                        "FPDT",
                        RegionKind.FIRMWARE_PERFORMANCE_RECORD,
                        AddressSpace.SYSTEM_MEMORY,
                        0,
                        "FPDT.record[0].address"))
                .isEqualTo(8);
    }

    @Test
    void pmcgPagesAreFourKib() {
        assertThat(extent("IORT", RegionKind.PMCG, AddressSpace.SYSTEM_MEMORY, 0, "IORT.node[5].page0BaseAddress"))
                .isEqualTo(4096);
        assertThat(extent("IORT", RegionKind.SMMU, AddressSpace.SYSTEM_MEMORY, 0x2_0000, "IORT.node[1].baseAddress"))
                .isEqualTo(0x2_0000);
    }

    @Test
    void smmuV3IsTwoPagesOf64KibAndOneOnCaviumCn99xx() {
        for (long model : new long[] {0, IortDecoder.SMMU_V3_MODEL_CAVIUM_CN99XX}) {
            IortBuilder b = new IortBuilder();
            b.smmuV3(0x4000_0000L)
                    .set("model", model)
                    .set("eventGsiv", 1)
                    .set("gerrGsiv", 1)
                    .set("syncGsiv", 1);
            AcpiTables tables =
                    AcpiTables.load(PlatformBuilder.create().add(b).build().image());

            assertThat(RegionExtents.of(tables.regions(), tables))
                    .filteredOn(r -> r.kind() == RegionKind.SMMU)
                    .singleElement()
                    .extracting(DescribedRegion::length)
                    .isEqualTo(model == 0 ? 128L << 10 : 64L << 10);
        }
    }
}
