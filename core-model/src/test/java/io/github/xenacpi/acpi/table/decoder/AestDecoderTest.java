package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.AestTable;
import io.github.xenacpi.acpi.table.AestTable.Interface;
import io.github.xenacpi.acpi.table.AestTable.Interrupt;
import io.github.xenacpi.acpi.table.AestTable.Node;
import io.github.xenacpi.acpi.table.AestTable.NodeData;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.builder.AestBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AestDecoderTest {

    private static Interface systemRegisters(long count) {
        return new Interface(AestTable.SYSTEM_REGISTER_INTERFACE, 0x1, 0, 0, count, (1L << count) - 1, 0, 0);
    }

    private static Interface memoryMapped(long base) {
        return new Interface(AestTable.MEMORY_MAPPED_INTERFACE, 0x2, base, 1, 3, 0xE, 0x2, 0x0);
    }

    /** A node as the builder lays it out: its length is the canonical one. */
    private static Node node(int type, NodeData data, Interface iface, List<Interrupt> interrupts) {
        Node draft = new Node(type, 0, 1_000_000, 0, data, Optional.of(iface), interrupts);
        return new Node(type, AestBuilder.nodeLength(draft), 1_000_000, 0, data, Optional.of(iface), interrupts);
    }

    private static final Node PROCESSOR = node(
            0,
            new AestTable.Processor(0, 0, 1, 1, 0, 0x10),
            systemRegisters(2),
            List.of(new Interrupt(0, 1, 23, 0), new Interrupt(1, 0, 24, 0)));
    private static final Node MEMORY =
            node(1, new AestTable.Memory(1), memoryMapped(0x5000_0000L), List.of(new Interrupt(1, 1, 300, 0)));
    private static final Node SMMU = node(2, new AestTable.Smmu(0x48, 0), memoryMapped(0x5001_0000L), List.of());
    private static final Node VENDOR = node(
            3,
            new AestTable.Vendor(0x1234_5678L, 7, "00112233445566778899aabbccddeeff"),
            systemRegisters(1),
            List.of());
    private static final Node GIC = node(4, new AestTable.Gic(2, 0), memoryMapped(0x5002_0000L), List.of());

    private static AestBuilder all() {
        return new AestBuilder()
                .node(PROCESSOR)
                .node(MEMORY)
                .node(SMMU)
                .node(VENDOR)
                .node(GIC);
    }

    private static DescribedRegion group(long base, long offset, String path) {
        return new DescribedRegion(
                RegionKind.AEST_INTERFACE, AddressSpace.SYSTEM_MEMORY, base, 0x1000, "AEST", 1, offset, path);
    }

    @Test
    void everyNodeTypeRoundTrips() {
        LoadedTable t = decode(all());

        assertThat(t.diagnostics()).isEmpty();
        AestTable aest = (AestTable) t.table();
        assertThat(aest.nodes()).containsExactly(PROCESSOR, MEMORY, SMMU, VENDOR, GIC);
        assertThat(aest.nodes()).extracting(Node::length).containsExactly(140, 108, 100, 116, 100);
    }

    @Test
    void memoryMappedInterfacesAreErrorRecordGroupRegions() {
        LoadedTable t = decode(all());

        // Nodes at 36, 176, 284, 384, 500; the interface follows the header (44) and the node data.
        assertThat(t.regions())
                .containsExactly(
                        group(0x5000_0000L, 232, "AEST.node[1].interface.baseAddress"),
                        group(0x5001_0000L, 344, "AEST.node[2].interface.baseAddress"),
                        group(0x5002_0000L, 560, "AEST.node[4].interface.baseAddress"));
    }

    @Test
    void groupsWithMoreRecordsThanTheSmallLayoutHoldsAre64KiB() {
        Interface big = new Interface(AestTable.MEMORY_MAPPED_INTERFACE, 0, 0x5010_0000L, 50, 7, 0, 0, 0);
        Interface huge = new Interface(AestTable.MEMORY_MAPPED_INTERFACE, 0, 0x5020_0000L, 0, 897, 0, 0, 0);
        // Records 50 to 56 end at 0xE40, past the 0xE00 bytes of records of a 4 KiB group.
        LoadedTable t = decode(new AestBuilder()
                .node(node(1, new AestTable.Memory(0), big, List.of()))
                .node(node(1, new AestTable.Memory(1), huge, List.of())));

        assertThat(t.regions())
                .extracting(DescribedRegion::base, DescribedRegion::length)
                .containsExactly(tuple(0x5010_0000L, 0x1_0000L), tuple(0x5020_0000L, 0x1_0000L));
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(36 + 96 + 48 + 20);
            assertThat(d.message()).contains("records 0 to 896").contains("0xE040");
        });
    }

    @Test
    void processorGenericResourceRoundTrips() {
        Node generic = node(0, new AestTable.Processor(5, 2, 0, 1, 0x100, 0xABCD), systemRegisters(1), List.of());
        LoadedTable t = decode(new AestBuilder().node(generic));

        assertThat(t.diagnostics()).isEmpty();
        assertThat(((AestTable) t.table()).nodes()).containsExactly(generic);
    }

    @Test
    void unknownNodeTypeIsSkippedByItsLength() {
        Node unknown = new Node(7, 0, 0, 0, new AestTable.Unknown(), Optional.of(systemRegisters(1)), List.of());
        LoadedTable t = decode(new AestBuilder().node(unknown).node(MEMORY));

        AestTable aest = (AestTable) t.table();
        assertThat(aest.nodes()).hasSize(2);
        assertThat(aest.nodes().get(0).data()).isEqualTo(new AestTable.Unknown());
        assertThat(aest.nodes().get(1)).isEqualTo(MEMORY);
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message()).contains("node type 7");
        });
    }

    @Test
    void interfaceOutsideItsNodeIsAnErrorAndDescribesNothing() {
        byte[] b = bytes(new AestBuilder().node(MEMORY));
        LoadedTable t = decode(fixChecksum(patch(b, 36 + 8, 100, 4)));

        assertThat(((AestTable) t.table()).nodes().get(0).nodeInterface()).isEmpty();
        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message())
                    .contains("AEST.node[0]")
                    .contains("interface at node offset 100")
                    .contains("108 bytes long");
        });
    }

    @Test
    void interruptsThatDoNotFitTheNodeAreAnError() {
        byte[] b = bytes(new AestBuilder().node(MEMORY));
        LoadedTable t = decode(fixChecksum(patch(b, 36 + 16, 2, 4)));

        assertThat(((AestTable) t.table()).nodes().get(0).interrupts()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(52);
            assertThat(d.message()).contains("2 interrupts of 12 bytes").contains("(108 bytes)");
        });
    }

    @Test
    void memoryMappedInterfaceWithoutAddressIsAnError() {
        LoadedTable t = decode(new AestBuilder().node(node(1, new AestTable.Memory(0), memoryMapped(0), List.of())));

        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(36 + 48 + 8);
            assertThat(d.message()).contains("null base address");
        });
    }

    @Test
    void undefinedCodesAreWarnings() {
        Interface odd = new Interface(2, 0, 0x6000_0000L, 0, 0, 0, 0, 0);
        Node gic = node(4, new AestTable.Gic(9, 0), odd, List.of(new Interrupt(3, 0, 40, 0)));
        LoadedTable t = decode(new AestBuilder().node(gic));

        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics()).extracting(d -> d.offset()).containsExactly(80L, 108L, 88L, 136L);
        assertThat(t.diagnostics()).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void zeroLengthNodeEndsTheWalk() {
        byte[] b = bytes(new AestBuilder().node(SMMU).node(GIC));
        LoadedTable t = decode(fixChecksum(patch(b, 36 + 100 + 1, 0, 2)));

        assertThat(((AestTable) t.table()).nodes()).containsExactly(SMMU);
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(137);
            assertThat(d.message()).contains("length 0");
        });
    }

    @Test
    void reservedFlagBitsAreWarned() {
        Interface iface = new Interface(AestTable.SYSTEM_REGISTER_INTERFACE, 0x4, 0, 0, 1, 1, 0, 0);
        Node n = node(0, new AestTable.Processor(0, 1, 0x8, 1, 0, 2), iface, List.of(new Interrupt(0, 0x10, 23, 0)));
        LoadedTable t = decode(new AestBuilder().node(n));

        // Processor data at 80 (flags at 86), interface at 104 (flags at 108), interrupt at 152 (flags at 155).
        assertThat(t.diagnostics()).extracting(d -> d.offset()).containsExactly(86L, 108L, 155L);
        assertThat(t.diagnostics()).allSatisfy(d -> assertThat(d.message()).contains("sets reserved bits"));
    }
}
