package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.table.HmatTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.builder.HmatBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class HmatDecoderTest {

    private static final HmatTable.MemoryAttributes ATTRIBUTES = new HmatTable.MemoryAttributes(1, 0, 1, 0, 0);
    private static final HmatTable.Locality LOCALITY = new HmatTable.Locality(
            0x10, 1, 64, 100, List.of(0L, 1L), List.of(0L, 1L, 2L), List.of(10, 20, 30, 40, 50, 60));
    private static final HmatTable.MemorySideCache CACHE =
            new HmatTable.MemorySideCache(1, 0x4000_0000L, 0x0010_1122L, 1, List.of(0x10, 0x11));

    /** Structures at 40 (40 bytes), 80 (64 bytes), 144 (36 bytes). */
    private final HmatBuilder all =
            new HmatBuilder().add(ATTRIBUTES).add(LOCALITY).add(CACHE);

    @Test
    void everyStructureAndArrayRoundTrips() {
        LoadedTable t = decode(all);

        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.regions()).isEmpty();
        assertThat(((HmatTable) t.table()).structures()).containsExactly(ATTRIBUTES, LOCALITY, CACHE);
        assertThat(ATTRIBUTES.initiatorValid()).isTrue();
    }

    @Test
    void localityCountsLargerThanTheStructureAreAnErrorAndOnlyWholeArraysAreKept() {
        // Target count (offset 80 + 16) raised from 3 to 4: 2 + 4 ids and 8 entries need 72 bytes, 64 present.
        LoadedTable t = decode(fixChecksum(patch(bytes(all), 96, 4, 4)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(92);
            assertThat(d.message()).contains("2 initiators and 4 targets need 72 bytes, the structure has 64");
        });
        HmatTable.Locality l =
                (HmatTable.Locality) ((HmatTable) t.table()).structures().get(1);
        assertThat(l.initiators()).hasSize(2);
        assertThat(l.targets()).containsExactly(0L, 1L, 2L, 10L | 20L << 16);
        assertThat(l.entries()).hasSize(4);
        assertThat(((HmatTable) t.table()).structures()).hasSize(3);
    }

    @Test
    void hugeCountsDoNotOverflow() {
        LoadedTable t = decode(fixChecksum(patch(patch(bytes(all), 92, 0xFFFF_FFFFL, 4), 96, 0xFFFF_FFFFL, 4)));

        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("need 36893488164598972442 bytes"));
    }

    @Test
    void smbiosHandleCountMustFit() {
        LoadedTable t = decode(fixChecksum(patch(bytes(all), 174, 5, 2)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(174);
            assertThat(d.message()).contains("5 SMBIOS handles need 42 bytes, the structure has 36");
        });
        assertThat(((HmatTable.MemorySideCache)
                                ((HmatTable) t.table()).structures().get(2))
                        .smbiosHandles())
                .containsExactly(0x10, 0x11);
    }

    @Test
    void revisionOneAddressRangeIsKeptAndReservedLater() {
        HmatTable.MemoryAttributes ranged = new HmatTable.MemoryAttributes(1, 0, 0, 0x8000_0000L, 0x1000_0000L);
        assertThat(decode(new HmatBuilder().revision(1).add(ranged)).diagnostics())
                .isEmpty();

        LoadedTable t = decode(new HmatBuilder().add(ranged));
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(64);
            assertThat(d.message()).contains("reserved since HMAT revision 2");
        });
    }

    @Test
    void unknownZeroLengthAndTruncatedStructuresAreReported() {
        LoadedTable unknown = decode(new HmatBuilder().add(new HmatTable.Other(9, 0, 12)));
        assertThat(((HmatTable) unknown.table()).structures()).containsExactly(new HmatTable.Other(9, 40, 12));
        assertThat(unknown.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("unknown structure type 9"));

        LoadedTable zero = decode(fixChecksum(patch(bytes(all), 44, 0, 4)));
        assertThat(zero.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.offset()).isEqualTo(44));

        LoadedTable cut = decode(fixChecksum(patch(truncate(bytes(all), 120), 4, 120, 4)));
        assertThat(cut.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("overruns the list"));
        assertThat(((HmatTable) cut.table()).structures()).hasSize(2);
    }
}
