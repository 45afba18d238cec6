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
import io.github.xenacpi.acpi.table.ApmtTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.builder.ApmtBuilder;
import org.junit.jupiter.api.Test;

/** APMT is unknown to iasl 20200925, so only builder-made bytes check this decoder. */
class ApmtDecoderTest {

    private static final ApmtTable.Node DUAL = ApmtTable.Node.builder()
            .flags(0b101)
            .nodeType(1)
            .identifier(3)
            .primaryInstance(0x4000_0000_0000L)
            .secondaryInstance(5)
            .baseAddress0(0x1_1000_0000L)
            .baseAddress1(0x1_1001_0000L)
            .overflowInterrupt(300)
            .overflowInterruptFlags(1)
            .processorAffinity(0x100)
            .implementationId(0x43B)
            .build();
    private static final ApmtTable.Node SINGLE = ApmtTable.Node.builder()
            .flags(0b010)
            .nodeType(4)
            .identifier(4)
            .secondaryInstance(7)
            .baseAddress0(0x1_2000_0000L)
            .baseAddress1(0xDEAD)
            .overflowInterrupt(301)
            .processorAffinity(0x200)
            .build();

    /** Nodes at 36 and 92, 56 bytes each. */
    private final ApmtBuilder two = new ApmtBuilder().add(DUAL).add(SINGLE);

    @Test
    void decodesEveryFieldAndFourKibPagePerPage() {
        LoadedTable t = decode(two);

        assertThat(t.diagnostics()).isEmpty();
        assertThat(((ApmtTable) t.table()).nodes()).containsExactly(DUAL, SINGLE);
        // apmt_init_resources: page 0, plus page 1 only for dual-page PMUs, 4 KiB each.
        assertThat(t.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.APMT_PAGE,
                                AddressSpace.SYSTEM_MEMORY,
                                0x1_1000_0000L,
                                4096,
                                "APMT",
                                1,
                                56,
                                "APMT.node[0].baseAddress0"),
                        new DescribedRegion(
                                RegionKind.APMT_PAGE,
                                AddressSpace.SYSTEM_MEMORY,
                                0x1_1001_0000L,
                                4096,
                                "APMT",
                                1,
                                64,
                                "APMT.node[0].baseAddress1"),
                        new DescribedRegion(
                                RegionKind.APMT_PAGE,
                                AddressSpace.SYSTEM_MEMORY,
                                0x1_2000_0000L,
                                4096,
                                "APMT",
                                1,
                                112,
                                "APMT.node[1].baseAddress0"));
    }

    @Test
    void zeroBasesReservedFlagsAndTypesAreReported() {
        LoadedTable t = decode(new ApmtBuilder()
                .add(ApmtTable.Node.builder().flags(0x81).nodeType(9).build()));

        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics())
                .extracting(d -> d.offset() + " " + d.severity())
                .containsExactly("38 WARNING", "39 WARNING", "56 ERROR", "64 ERROR");
    }

    @Test
    void shortZeroAndOverrunningNodesAreReported() {
        LoadedTable shortNode = decode(fixChecksum(patch(bytes(two), 36, 40, 2)));
        assertThat(shortNode.diagnostics()).anySatisfy(d -> {
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message()).contains("length 40 is less than the 56 bytes");
        });

        LoadedTable zero = decode(fixChecksum(patch(bytes(two), 36, 0, 2)));
        assertThat(((ApmtTable) zero.table()).nodes()).isEmpty();
        assertThat(zero.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.offset()).isEqualTo(36));

        LoadedTable cut = decode(fixChecksum(patch(truncate(bytes(two), 120), 4, 120, 4)));
        assertThat(((ApmtTable) cut.table()).nodes()).hasSize(2);
        assertThat(cut.regions()).hasSize(2);
        assertThat(cut.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("overruns the list"));
    }
}
