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
import io.github.xenacpi.acpi.table.CedtTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.builder.CedtBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CEDT is unknown to iasl 20200925, so only builder-made bytes check this decoder. */
class CedtDecoderTest {

    private static final CedtTable.HostBridge CXL2 = new CedtTable.HostBridge(7, 1, 0x9000_0000L, 0x1_0000);
    private static final CedtTable.HostBridge CXL11 = new CedtTable.HostBridge(8, 0, 0x9100_0000L, 0x2000);
    private static final CedtTable.FixedMemoryWindow WINDOW =
            new CedtTable.FixedMemoryWindow(0x100_0000_0000L, 0x10_0000_0000L, 1, 0, 2, 0x6, 3, List.of(7L, 8L));

    /** Host bridges at 36 and 68 (32 bytes each), window at 100 (44 bytes). */
    private final CedtBuilder all = new CedtBuilder().add(CXL2).add(CXL11).add(WINDOW);

    @Test
    void decodesHostBridgesAndWindowWithItsTargets() {
        LoadedTable t = decode(all);

        assertThat(t.diagnostics()).isEmpty();
        assertThat(((CedtTable) t.table()).structures()).containsExactly(CXL2, CXL11, WINDOW);
        assertThat(t.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.CXL_HOST_BRIDGE,
                                AddressSpace.SYSTEM_MEMORY,
                                0x9000_0000L,
                                0x1_0000,
                                "CEDT",
                                1,
                                52,
                                "CEDT.structure[0]"),
                        new DescribedRegion(
                                RegionKind.CXL_HOST_BRIDGE,
                                AddressSpace.SYSTEM_MEMORY,
                                0x9100_0000L,
                                0x2000,
                                "CEDT",
                                1,
                                84,
                                "CEDT.structure[1]"));
    }

    @Test
    void interleaveWaysDecodeAsTheSpecificationEncodesThem() {
        assertThat(List.of(0, 1, 2, 3, 4, 8, 9, 10))
                .extracting(CedtDecoder::ways)
                .containsExactly(1, 2, 4, 8, 16, 3, 6, 12);
        assertThat(CedtDecoder.ways(5)).isEqualTo(-1);
        assertThat(CedtDecoder.ways(11)).isEqualTo(-1);
    }

    @Test
    void targetCountThatDoesNotMatchTheLengthIsAnError() {
        // Encoded ways at 100 + 24 raised to 2 (4 targets) in a structure holding 2.
        LoadedTable t = decode(fixChecksum(patch(bytes(all), 124, 2, 1)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(102);
            assertThat(d.message()).contains("4 interleave ways need 52 bytes, the structure has 44");
        });
        assertThat(((CedtTable.FixedMemoryWindow)
                                ((CedtTable) t.table()).structures().get(2))
                        .targets())
                .containsExactly(7L, 8L);

        LoadedTable reserved = decode(fixChecksum(patch(bytes(all), 124, 5, 1)));
        assertThat(reserved.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("encoded interleave ways 5 is reserved"));
    }

    @Test
    void registerBlockLengthVersionAndZeroBaseAreChecked() {
        LoadedTable t = decode(new CedtBuilder()
                .add(new CedtTable.HostBridge(1, 1, 0x1000, 0x2000))
                .add(new CedtTable.HostBridge(2, 3, 0x2000, 0x2000))
                .add(new CedtTable.HostBridge(3, 1, 0, 0x1_0000))
                .add(new CedtTable.HostBridge(4, 1, 0xFFFF_FFFF_FFFF_0000L, 0x2_0000)));

        assertThat(t.diagnostics())
                .extracting(d -> d.offset() + " " + d.severity())
                .containsExactly("60 WARNING", "76 WARNING", "116 ERROR", "156 WARNING", "156 ERROR");
        assertThat(t.regions()).hasSize(2);
    }

    @Test
    void otherTypesAreKeptAndDamageIsReported() {
        LoadedTable other =
                decode(new CedtBuilder().add(new CedtTable.Other(2, 0, 16)).add(new CedtTable.Other(9, 0, 8)));
        assertThat(((CedtTable) other.table()).structures())
                .containsExactly(new CedtTable.Other(2, 36, 16), new CedtTable.Other(9, 52, 8));
        assertThat(other.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("unknown structure type 9"));

        LoadedTable zero = decode(fixChecksum(patch(bytes(all), 38, 0, 2)));
        assertThat(zero.regions()).isEmpty();
        assertThat(zero.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.offset()).isEqualTo(38));

        LoadedTable cut = decode(fixChecksum(patch(truncate(bytes(all), 90), 4, 90, 4)));
        assertThat(cut.regions()).hasSize(1);
        assertThat(cut.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("overruns the list"));
    }
}
