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
import io.github.xenacpi.acpi.table.McfgTable;
import io.github.xenacpi.platform.builder.McfgBuilder;
import org.junit.jupiter.api.Test;

class McfgDecoderTest {

    private final McfgBuilder twoSegments =
            new McfgBuilder().allocation(0x4010000000L, 0, 0, 0xFF).allocation(0x3000_0000L, 1, 0x10, 0x1F);

    @Test
    void decodesEveryAllocationAndItsEcamWindow() {
        LoadedTable t = decode(twoSegments);

        assertThat(t.checksumValid()).isTrue();
        assertThat(t.diagnostics()).isEmpty();
        McfgTable mcfg = (McfgTable) t.table();
        assertThat(mcfg.header().length()).isEqualTo(44 + 2 * 16);
        assertThat(mcfg.allocations())
                .containsExactly(
                        new McfgTable.Allocation(0x4010000000L, 0, 0, 0xFF),
                        new McfgTable.Allocation(0x3000_0000L, 1, 0x10, 0x1F));
        assertThat(t.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.ECAM,
                                AddressSpace.SYSTEM_MEMORY,
                                0x4010000000L,
                                256L << 20,
                                "MCFG",
                                1,
                                44,
                                "MCFG.allocation[0]"),
                        // pci_mcfg_lookup: the window of start bus 0x10 begins 0x10 MiB above the allocation's base.
                        new DescribedRegion(
                                RegionKind.ECAM,
                                AddressSpace.SYSTEM_MEMORY,
                                0x3100_0000L,
                                16L << 20,
                                "MCFG",
                                1,
                                60,
                                "MCFG.allocation[1]"));
    }

    @Test
    void truncatedTableKeepsWholeAllocationsAndSaysWhereItEnds() {
        LoadedTable t = decode(truncate(bytes(twoSegments), 66));

        assertThat(((McfgTable) t.table()).allocations()).hasSize(1);
        assertThat(t.checksumValid()).isFalse();
        assertThat(t.diagnostics()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(4);
            assertThat(d.message()).contains("truncated").contains("76").contains("66");
        });
        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("not a whole allocation"));
    }

    @Test
    void lengthFieldLargerThanTheDataIsReportedNotFollowed() {
        LoadedTable t = decode(fixChecksum(patch(bytes(twoSegments), 4, 0x7FFF_FFFFL, 4)));

        assertThat(((McfgTable) t.table()).allocations()).hasSize(2);
        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("2147483647"));
    }

    @Test
    void inverseBusRangeIsAnErrorAndGivesNoWindow() {
        LoadedTable t = decode(new McfgBuilder().allocation(0x4000_0000L, 0, 5, 4));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(55);
            assertThat(d.message()).contains("end bus 4 is below start bus 5");
        });
        assertThat(t.regions())
                .singleElement()
                .extracting(DescribedRegion::length)
                .isEqualTo(0L);
    }

    @Test
    void wrongChecksumIsAnErrorAtTheChecksumByte() {
        byte[] b = bytes(twoSegments);
        b[9]++;
        LoadedTable t = decode(b);

        assertThat(t.checksumValid()).isFalse();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(9);
            assertThat(d.message()).contains("checksum");
        });
    }
}
