package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.ViotTable;
import io.github.xenacpi.platform.builder.ViotBuilder;
import org.junit.jupiter.api.Test;

class ViotDecoderTest {

    @Test
    void decodesEveryNodeTypeAndTheMmioBases() {
        ViotBuilder b = new ViotBuilder();
        ViotBuilder.Node pciIommu = b.virtioPciIommu(0, 0x0008);
        ViotBuilder.Node mmioIommu = b.virtioMmioIommu(0x0A00_0000L);
        b.pciRange(0x100, 0, 1, 0x0010, 0xFFFF, pciIommu);
        b.mmioEndpoint(7, 0x0900_0000L, mmioIommu);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics()).isEmpty();
        ViotTable viot = (ViotTable) t.table();
        assertThat(viot.nodeCount()).isEqualTo(4);
        assertThat(viot.nodeOffset()).isEqualTo(48);
        assertThat(viot.nodes())
                .containsExactly(
                        new ViotTable.VirtioPciIommu(48, 0, 8),
                        new ViotTable.VirtioMmioIommu(64, 0x0A00_0000L),
                        new ViotTable.PciRange(80, 0x100, 0, 1, 0x10, 0xFFFF, 48),
                        new ViotTable.MmioEndpoint(104, 7, 0x0900_0000L, 64));
        assertThat(t.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.VIRTIO_IOMMU,
                                AddressSpace.SYSTEM_MEMORY,
                                0x0A00_0000L,
                                0,
                                "VIOT",
                                1,
                                72,
                                "VIOT.node[1].baseAddress"),
                        new DescribedRegion(
                                RegionKind.VIOT_ENDPOINT,
                                AddressSpace.SYSTEM_MEMORY,
                                0x0900_0000L,
                                0,
                                "VIOT",
                                1,
                                112,
                                "VIOT.node[3].baseAddress"));
    }

    @Test
    void outputNodeMustBeAVirtioIommuNodeStart() {
        ViotBuilder b = new ViotBuilder();
        ViotBuilder.Node iommu = b.virtioPciIommu(0, 8);
        ViotBuilder.Node endpoint = b.mmioEndpoint(1, 0x1000, iommu);
        b.pciRange(0, 0, 0, 0, 0xFF, endpoint);
        b.pciRange(0, 0, 0, 0, 0xFF, null).set("outputNode", 50);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics())
                .extracting(Diagnostic::offset, Diagnostic::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                88L + 16, "VIOT.node[2].outputNode: reference 0x40 is not a" + " virtio-iommu node"),
                        org.assertj.core.groups.Tuple.tuple(
                                112L + 16,
                                "VIOT.node[3].outputNode: reference 0x32 is not the" + " start of any node"));
    }

    @Test
    void inverseRangesZeroBasesAndUnknownTypesAreReported() {
        ViotBuilder b = new ViotBuilder();
        ViotBuilder.Node iommu = b.virtioMmioIommu(0);
        b.pciRange(0, 2, 1, 0x20, 0x10, iommu);
        byte[] bytes = bytes(b);
        LoadedTable t = decode(bytes);

        assertThat(t.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly(
                        "VIOT.node[0]: base address is 0",
                        "VIOT.node[1]: segment end 0x1 is below segment start 0x2",
                        "VIOT.node[1]: bdf end 0x10 is below bdf start 0x20");
        assertThat(t.regions()).isEmpty();

        LoadedTable unknown = decode(fixChecksum(patch(bytes, 48, 9, 1)));
        assertThat(unknown.diagnostics())
                .extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("unknown node type 9"))
                .anySatisfy(m -> assertThat(m).contains("reference 0x30 is not a virtio-iommu node"));
    }

    @Test
    void malformedFramingIsReportedAndNeverThrows() {
        ViotBuilder b = new ViotBuilder();
        ViotBuilder.Node iommu = b.virtioPciIommu(0, 8);
        b.mmioEndpoint(1, 0x1000, iommu);
        byte[] full = bytes(b);

        LoadedTable zero = decode(fixChecksum(patch(full, 64 + 2, 0, 2)));
        assertThat(zero.diagnostics())
                .extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("VIOT.node[1]: length 0 is below the minimum of 4"))
                .anySatisfy(m -> assertThat(m).contains("node count is 2 but 1 nodes were found"));

        LoadedTable offset = decode(fixChecksum(patch(full, 38, 0x20, 2)));
        assertThat(offset.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(38);
            assertThat(d.message()).contains("node offset 0x20 lies outside");
        });

        for (int cut = 4; cut < full.length; cut += 3) {
            assertThat(decode(truncate(full, cut)).isDecoded()).isTrue();
        }
        assertThat(decode(truncate(full, 70)).diagnostics())
                .extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("overruns the list"));
    }
}
