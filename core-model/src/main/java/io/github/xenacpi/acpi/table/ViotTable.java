package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Virtual I/O Translation Table (ACPI 6.5 section 5.2.32, virtio-iommu): which PCI ranges and MMIO endpoints
 * are translated by which virtio-iommu, itself a virtio-pci or virtio-mmio device. Output nodes are table offsets.
 */
public record ViotTable(TableHeader header, int nodeCount, int nodeOffset, List<Node> nodes) implements AcpiTable {

    public ViotTable {
        nodes = List.copyOf(nodes);
    }

    /** VIOT node types. */
    public static final int PCI_RANGE = 1;

    public static final int MMIO_ENDPOINT = 2;
    public static final int VIRTIO_PCI_IOMMU = 3;
    public static final int VIRTIO_MMIO_IOMMU = 4;

    /** One VIOT node; {@link #offset()} is where it starts in the table. */
    public sealed interface Node permits PciRange, MmioEndpoint, VirtioPciIommu, VirtioMmioIommu, UnknownNode {

        int offset();
    }

    /** Type 1: PCI endpoints of segments and BDFs in these ranges, from endpoint ID {@code endpointStart}. */
    public record PciRange(
            int offset, long endpointStart, int segmentStart, int segmentEnd, int bdfStart, int bdfEnd, int outputNode)
            implements Node {}

    /** Type 2: one MMIO endpoint, named by the base address of its registers. */
    public record MmioEndpoint(int offset, long endpointId, long baseAddress, int outputNode) implements Node {}

    /** Type 3: a virtio-iommu that is a PCI device. */
    public record VirtioPciIommu(int offset, int segment, int bdf) implements Node {}

    /** Type 4: a virtio-iommu that is a virtio-mmio device at this base address. */
    public record VirtioMmioIommu(int offset, long baseAddress) implements Node {}

    /** A node of a type this decoder does not know. */
    public record UnknownNode(int offset, int type, int length) implements Node {}
}
