package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.platform.builder.MadtBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class MadtDecoderTest {

    private static final List<MadtTable.Structure> EVERY_TYPE = List.of(
            new MadtTable.LocalApic(1, 2, 1),
            new MadtTable.IoApic(3, 0xFEC0_0000L, 24),
            new MadtTable.InterruptSourceOverride(0, 9, 9, 0xD),
            new MadtTable.NmiSource(5, 7),
            new MadtTable.LocalApicNmi(0xFF, 5, 1),
            new MadtTable.LocalApicAddressOverride(0x1_FEE0_0000L),
            new MadtTable.IoSapic(4, 48, 0xFEC1_0000L),
            new MadtTable.LocalSapic(6, 7, 8, 1, 0x1234, "\\_SB.CPU0"),
            new MadtTable.PlatformInterruptSource(5, 1, 2, 3, 4, 40, 1),
            new MadtTable.LocalX2Apic(0x100, 1, 0x200),
            new MadtTable.LocalX2ApicNmi(5, 0x200, 1),
            MadtTable.Gicc.builder()
                    .length(76)
                    .cpuInterfaceNumber(1)
                    .processorUid(2)
                    .flags(1)
                    .parkingProtocolVersion(1)
                    .performanceInterruptGsiv(23)
                    .parkedAddress(0x8000_0000L)
                    .vgicMaintenanceInterrupt(25)
                    .mpidr(0x100)
                    .build(),
            MadtTable.Gicc.builder()
                    .length(80)
                    .cpuInterfaceNumber(2)
                    .processorUid(3)
                    .flags(9)
                    .performanceInterruptGsiv(23)
                    .vgicMaintenanceInterrupt(25)
                    .mpidr(0x200)
                    .efficiencyClass(1)
                    .speOverflowInterrupt(21)
                    .build(),
            MadtTable.Gicc.builder()
                    .length(82)
                    .cpuInterfaceNumber(3)
                    .processorUid(4)
                    .flags(1)
                    .performanceInterruptGsiv(23)
                    .vgicMaintenanceInterrupt(25)
                    .mpidr(0x300)
                    .efficiencyClass(2)
                    .speOverflowInterrupt(21)
                    .trbeInterrupt(22)
                    .build(),
            new MadtTable.Gicd(0, 0x1000_0000L, 0, 3),
            new MadtTable.GicMsiFrame(1, 0x1100_0000L, 1, 64, 96),
            new MadtTable.Gicr(0x1200_0000L, 0x20_0000L),
            new MadtTable.GicIts(5, 0x1300_0000L),
            new MadtTable.Other(0x10, 16),
            new MadtTable.Other(0x80, 4));

    @Test
    void everyStructureTypeRoundTrips() {
        LoadedTable t = decode(everyType());

        assertThat(t.checksumValid()).isTrue();
        assertThat(t.diagnostics()).isEmpty();
        MadtTable madt = (MadtTable) t.table();
        assertThat(madt.localInterruptControllerAddress()).isEqualTo(0xFEE0_0000L);
        assertThat(madt.flags()).isEqualTo(MadtTable.PCAT_COMPAT);
        assertThat(madt.structures()).containsExactlyElementsOf(EVERY_TYPE);
        assertThat(madt.structures(MadtTable.Gicc.class))
                .extracting(MadtTable.Gicc::length)
                .containsExactly(76, 80, 82);
    }

    @Test
    void gicRegionsHaveTheLengthTheTableGivesOnly() {
        LoadedTable t = decode(everyType());

        // Structures start at 44; offsets below are those of each base address field.
        int gicd = 44 + 8 + 12 + 10 + 8 + 6 + 12 + 16 + 26 + 16 + 16 + 12 + 76 + 80 + 82;
        int msi = gicd + 24;
        int gicr = msi + 24;
        int its = gicr + 16;
        assertThat(t.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.GIC_DISTRIBUTOR,
                                AddressSpace.SYSTEM_MEMORY,
                                0x1000_0000L,
                                0,
                                "APIC",
                                1,
                                gicd + 8,
                                "MADT.structure[14].physicalBaseAddress"),
                        new DescribedRegion(
                                RegionKind.GIC_MSI_FRAME,
                                AddressSpace.SYSTEM_MEMORY,
                                0x1100_0000L,
                                0,
                                "APIC",
                                1,
                                msi + 8,
                                "MADT.structure[15].physicalBaseAddress"),
                        new DescribedRegion(
                                RegionKind.GIC_REDISTRIBUTOR,
                                AddressSpace.SYSTEM_MEMORY,
                                0x1200_0000L,
                                0x20_0000L,
                                "APIC",
                                1,
                                gicr + 4,
                                "MADT.structure[16].discoveryRangeBaseAddress"),
                        new DescribedRegion(
                                RegionKind.GIC_ITS,
                                AddressSpace.SYSTEM_MEMORY,
                                0x1300_0000L,
                                0,
                                "APIC",
                                1,
                                its + 8,
                                "MADT.structure[17].physicalBaseAddress"));
    }

    @Test
    void gicv2CpuInterfacesSharingOneBaseGiveOneRegionEach() {
        MadtBuilder b = new MadtBuilder();
        for (int cpu = 0; cpu < 2; cpu++) {
            b.add(MadtTable.Gicc.builder()
                    .length(80)
                    .cpuInterfaceNumber(cpu)
                    .processorUid(cpu)
                    .flags(1)
                    .performanceInterruptGsiv(23)
                    .physicalBaseAddress(0x2C00_2000L)
                    .gicvBaseAddress(0x2C00_6000L)
                    .gichBaseAddress(0x2C00_4000L)
                    .vgicMaintenanceInterrupt(25)
                    .mpidr(cpu)
                    .build());
        }
        b.add(new MadtTable.Gicd(0, 0x2C00_1000L, 0, 2));
        LoadedTable t = decode(b);

        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.GIC_CPU_INTERFACE,
                                AddressSpace.SYSTEM_MEMORY,
                                0x2C00_2000L,
                                0,
                                "APIC",
                                1,
                                44 + 32,
                                "MADT.structure[0].physicalBaseAddress"),
                        new DescribedRegion(
                                RegionKind.GIC_VCPU_INTERFACE,
                                AddressSpace.SYSTEM_MEMORY,
                                0x2C00_6000L,
                                0,
                                "APIC",
                                1,
                                44 + 40,
                                "MADT.structure[0].gicvBaseAddress"),
                        new DescribedRegion(
                                RegionKind.GIC_HYP_INTERFACE,
                                AddressSpace.SYSTEM_MEMORY,
                                0x2C00_4000L,
                                0,
                                "APIC",
                                1,
                                44 + 48,
                                "MADT.structure[0].gichBaseAddress"),
                        new DescribedRegion(
                                RegionKind.GIC_DISTRIBUTOR,
                                AddressSpace.SYSTEM_MEMORY,
                                0x2C00_1000L,
                                0,
                                "APIC",
                                1,
                                44 + 160 + 8,
                                "MADT.structure[2].physicalBaseAddress"));
    }

    @Test
    void perCpuRedistributorsAreRecordedWithoutALength() {
        LoadedTable t = decode(new MadtBuilder()
                .gicc(0, 0, 0x1708_0000L)
                .gicc(1, 0x100, 0x170C_0000L)
                .add(new MadtTable.Gicd(0, 0x1700_0000L, 0, 4)));

        assertThat(t.regions())
                .filteredOn(r -> r.kind() == RegionKind.GIC_REDISTRIBUTOR)
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.GIC_REDISTRIBUTOR,
                                AddressSpace.SYSTEM_MEMORY,
                                0x1708_0000L,
                                0,
                                "APIC",
                                1,
                                44 + 60,
                                "MADT.structure[0].gicrBaseAddress"),
                        new DescribedRegion(
                                RegionKind.GIC_REDISTRIBUTOR,
                                AddressSpace.SYSTEM_MEMORY,
                                0x170C_0000L,
                                0,
                                "APIC",
                                1,
                                44 + 82 + 60,
                                "MADT.structure[1].gicrBaseAddress"));
    }

    @Test
    void zeroLengthStructureEndsTheWalkWithAnError() {
        byte[] b = bytes(new MadtBuilder().gicc(0, 0, 0x1708_0000L).gicc(1, 0x100, 0x170C_0000L));
        LoadedTable t = decode(fixChecksum(patch(b, 44 + 82 + 1, 0, 1)));

        assertThat(((MadtTable) t.table()).structures()).hasSize(1);
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(44 + 82 + 1);
            assertThat(d.message()).contains("MADT.structure[1]").contains("length 0");
        });
    }

    @Test
    void shortGiccIsAnErrorAndUnknownGiccLengthAWarning() {
        byte[] b = bytes(new MadtBuilder().gicc(0, 0x42, 0x1708_0000L));
        LoadedTable shortOne = decode(fixChecksum(patch(b, 45, 60, 1)));
        LoadedTable oddOne = decode(fixChecksum(patch(b, 45, 78, 1)));

        assertThat(shortOne.diagnostics()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(45);
            assertThat(d.message()).contains("GICC length 60").contains("76");
        });
        assertThat(((MadtTable) shortOne.table())
                        .structures(MadtTable.Gicc.class)
                        .get(0)
                        .mpidr())
                .isZero();
        assertThat(oddOne.diagnostics()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains("GICC length 78").contains("[76, 80, 82]");
        });
        assertThat(((MadtTable) oddOne.table())
                        .structures(MadtTable.Gicc.class)
                        .get(0)
                        .mpidr())
                .isEqualTo(0x42);
    }

    @Test
    void overlongGicdIsAWarningAndTheNextStructureStillDecodes() {
        byte[] b = bytes(new MadtBuilder()
                .add(new MadtTable.Gicd(0, 0x1700_0000L, 0, 3))
                .add(new MadtTable.GicIts(0, 0x1704_0000L)));
        // Grow the GICD to 25 bytes by moving the ITS one byte later, as some firmware does.
        byte[] grown = new byte[b.length + 1];
        System.arraycopy(b, 0, grown, 0, 68);
        System.arraycopy(b, 68, grown, 69, b.length - 68);
        grown[45] = 25;
        LoadedTable t = decode(fixChecksum(patch(grown, 4, grown.length, 4)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).contains("GICD length is 25, expected 24");
        });
        assertThat(((MadtTable) t.table()).structures(MadtTable.GicIts.class))
                .singleElement()
                .extracting(MadtTable.GicIts::physicalBaseAddress)
                .isEqualTo(0x1704_0000L);
    }

    @Test
    void secondDistributorIsAnError() {
        LoadedTable t = decode(new MadtBuilder()
                .add(new MadtTable.Gicd(0, 0x1700_0000L, 0, 3))
                .add(new MadtTable.Gicd(1, 0x1800_0000L, 0, 3)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(68);
            assertThat(d.message()).contains("second GIC distributor");
        });
        assertThat(t.regions()).hasSize(2);
    }

    @Test
    void truncatedTableKeepsWholeStructuresAndReportsTheCutOne() {
        byte[] b = bytes(new MadtBuilder().gicc(0, 0, 0x1708_0000L).gicc(1, 0x100, 0x170C_0000L));
        LoadedTable t = decode(truncate(b, 44 + 82 + 40));

        assertThat(((MadtTable) t.table()).structures()).hasSize(2);
        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("truncated"));
        assertThat(t.diagnostics()).anySatisfy(d -> {
            assertThat(d.offset()).isEqualTo(44 + 82 + 1);
            assertThat(d.message()).contains("MADT.structure[1]").contains("overruns");
        });
        // The cut GICC's redistributor address lies past the end: no region for it.
        assertThat(t.regions()).hasSize(1);
    }

    @Test
    void localSapicWithoutNulIsAnError() {
        byte[] b = bytes(new MadtBuilder().add(new MadtTable.LocalSapic(0, 0, 0, 1, 0, "AB")));
        LoadedTable t = decode(fixChecksum(patch(b, 44 + 18, 'C', 1)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(44 + 16);
            assertThat(d.message()).contains("not NUL-terminated");
        });
        assertThat(((MadtTable) t.table())
                        .structures(MadtTable.LocalSapic.class)
                        .get(0)
                        .uidString())
                .isEqualTo("ABC");
    }

    @Test
    void headerOnlyTableIsReportedNotThrown() {
        LoadedTable t = decode(fixChecksum(patch(truncate(bytes(everyType()), 40), 4, 40, 4)));

        assertThat(t.isDecoded()).isTrue();
        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("truncated"));
        assertThat(((MadtTable) t.table()).structures()).isEmpty();
    }

    private static MadtBuilder everyType() {
        MadtBuilder b =
                new MadtBuilder().localInterruptControllerAddress(0xFEE0_0000L).flags(MadtTable.PCAT_COMPAT);
        EVERY_TYPE.forEach(b::add);
        return b;
    }
}
