package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.SratTable;
import io.github.xenacpi.platform.builder.SratBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checked by hand against iasl 20200925, which decodes every type here except the generic port (6, ACPI 6.5) and
 * RINTC (7) affinities: it prints "Unknown SRAT subtable type" for those.
 */
class SratDecoderTest {

    private static final List<SratTable.Affinity> EVERY_TYPE = List.of(
            new SratTable.ProcessorApic(0x0102_0304L, 5, 1, 6, 7),
            new SratTable.Memory(1, 0x8000_0000L, 0x4000_0000L, 0b011),
            new SratTable.X2Apic(2, 0x33, 1, 4),
            new SratTable.Gicc(3, 0x100, 1, 8),
            new SratTable.GicIts(4, 2),
            new SratTable.GenericDomain(5, 5, new SratTable.DeviceHandle(0, "ACPI0016", 7, 0, 0), 1),
            new SratTable.GenericDomain(6, 6, new SratTable.DeviceHandle(1, "", 0, 1, 0x0208), 1),
            new SratTable.Rintc(7, 9, 1, 0));

    private static SratBuilder every() {
        SratBuilder b = new SratBuilder();
        EVERY_TYPE.forEach(b::add);
        return b;
    }

    @Test
    void everyAffinityTypeRoundTrips() {
        LoadedTable t = decode(every());

        assertThat(t.diagnostics()).isEmpty();
        SratTable srat = (SratTable) t.table();
        assertThat(srat.tableRevisionField()).isEqualTo(1);
        assertThat(srat.affinities()).containsExactlyElementsOf(EVERY_TYPE);
        assertThat(((SratTable.GenericDomain) srat.affinities().get(6)).isPort())
                .isTrue();
    }

    @Test
    void enabledMemoryIsAnSratMemoryRegionOfRam() {
        LoadedTable t = decode(every());

        // Memory affinity at 48 + 16; its base at +8.
        assertThat(t.regions())
                .containsExactly(new DescribedRegion(
                        RegionKind.SRAT_MEMORY,
                        AddressSpace.SYSTEM_MEMORY,
                        0x8000_0000L,
                        0x4000_0000L,
                        "SRAT",
                        1,
                        72,
                        "SRAT.affinity[1]"));
    }

    @Test
    void disabledEmptyAndWrappingMemoryGiveNoRegion() {
        LoadedTable t = decode(new SratBuilder()
                .add(new SratTable.Memory(0, 0x1000, 0x1000, 0))
                .add(new SratTable.Memory(0, 0x1000, 0, 1))
                .add(new SratTable.Memory(0, 0xFFFF_FFFF_FFFF_F000L, 0x2000, 1 | 0x10)));

        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics())
                .extracting(d -> d.offset() + " " + d.severity())
                .containsExactly("104 WARNING", "156 WARNING", "144 ERROR");
    }

    @Test
    void memoryLengthAboveTwoToTheSixtyThreeIsAnErrorNotARegion() {
        LoadedTable t = decode(new SratBuilder().add(new SratTable.Memory(0, 0x1000, 0x8000_0000_0000_0000L, 1)));

        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(64);
            assertThat(d.message()).contains("wraps past the end");
        });
    }

    @Test
    void processorAffinityCutInsideItsDomainBytesKeepsTheLowByte() {
        byte[] b = truncate(bytes(new SratBuilder().add(new SratTable.ProcessorApic(0x0102_0304L, 5, 1, 6, 7))), 58);
        LoadedTable t = decode(fixChecksum(patch(b, 4, 58, 4)));

        assertThat(((SratTable) t.table()).affinities())
                .singleElement()
                .isEqualTo(new SratTable.ProcessorApic(4, 5, 1, 6, 0));
        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("overruns the list"));
    }

    @Test
    void tableRevisionFieldMustBeOne() {
        LoadedTable t = decode(new SratBuilder().tableRevision(2));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message()).contains("requires 1");
        });
    }

    @Test
    void shortLongAndUnknownStructuresAreReported() {
        byte[] b = bytes(new SratBuilder()
                .add(new SratTable.GicIts(1, 2))
                .add(new SratTable.Gicc(1, 2, 1, 0))
                .add(new SratTable.Other(9, 0, 4)));
        // Shorten the ITS affinity to 10 bytes and stretch nothing else: the next entry then starts inside it.
        LoadedTable shortIts = decode(fixChecksum(patch(b, 49, 10, 1)));
        assertThat(shortIts.diagnostics()).anySatisfy(d -> {
            assertThat(d.offset()).isEqualTo(48);
            assertThat(d.message()).contains("length 10 is less than the 12 bytes");
        });

        LoadedTable t = decode(b);
        assertThat(((SratTable) t.table()).affinities()).last().isEqualTo(new SratTable.Other(9, 78, 4));
        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("unknown affinity type 9"));
    }

    @Test
    void zeroLengthAndTruncationStopTheWalk() {
        byte[] b = bytes(every());
        LoadedTable zero = decode(fixChecksum(patch(b, 49, 0, 1)));
        assertThat(((SratTable) zero.table()).affinities()).isEmpty();
        assertThat(zero.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.offset()).isEqualTo(49));

        LoadedTable cut = decode(fixChecksum(patch(truncate(b, 80), 4, 80, 4)));
        assertThat(((SratTable) cut.table()).affinities()).hasSize(2);
        assertThat(cut.regions()).isEmpty();
        assertThat(cut.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("overruns the list"));
    }

    @Test
    void badDeviceHandleTypeIsAnError() {
        LoadedTable t = decode(new SratBuilder()
                .add(new SratTable.GenericDomain(5, 1, new SratTable.DeviceHandle(3, "", 0, 0, 0), 1)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(51);
            assertThat(d.message()).contains("device handle type 3");
        });
    }
}
