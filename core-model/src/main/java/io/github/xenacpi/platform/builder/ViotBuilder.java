package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.ViotTable;
import io.github.xenacpi.acpi.table.decoder.ViotDecoder;
import io.github.xenacpi.acpi.table.layout.Layout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes a VIOT; endpoint nodes name their virtio-iommu node, which the builder turns into a table offset. */
public final class ViotBuilder implements TableBuilder {
    private final List<Node> nodes = new ArrayList<>();

    /** A PCI range node translated by {@code iommu}. */
    public Node pciRange(long endpointStart, int segmentStart, int segmentEnd, int bdfStart, int bdfEnd, Node iommu) {
        return add(ViotTable.PCI_RANGE, ViotDecoder.PCI_RANGE)
                .set("endpointStart", endpointStart)
                .set("segmentStart", segmentStart)
                .set("segmentEnd", segmentEnd)
                .set("bdfStart", bdfStart)
                .set("bdfEnd", bdfEnd)
                .output(iommu);
    }

    /** An MMIO endpoint node translated by {@code iommu}. */
    public Node mmioEndpoint(long endpointId, long baseAddress, Node iommu) {
        return add(ViotTable.MMIO_ENDPOINT, ViotDecoder.MMIO_ENDPOINT)
                .set("endpointId", endpointId)
                .set("baseAddress", baseAddress)
                .output(iommu);
    }

    public Node virtioPciIommu(int segment, int bdf) {
        return add(ViotTable.VIRTIO_PCI_IOMMU, ViotDecoder.VIRTIO_PCI_IOMMU)
                .set("segment", segment)
                .set("bdf", bdf);
    }

    public Node virtioMmioIommu(long baseAddress) {
        return add(ViotTable.VIRTIO_MMIO_IOMMU, ViotDecoder.VIRTIO_MMIO_IOMMU).set("baseAddress", baseAddress);
    }

    private Node add(int type, Layout layout) {
        Node n = new Node(type, layout);
        nodes.add(n);
        return n;
    }

    /** The table offset at which a node will be written. */
    public int offsetOf(Node node) {
        int at = ViotDecoder.FIRST_NODE;
        for (Node n : nodes) {
            if (n == node) {
                return at;
            }
            at += n.layout.size();
        }
        throw new IllegalArgumentException("node not in this builder");
    }

    @Override
    public String signature() {
        return "VIOT";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("VIOT", 0, oem);
        w.struct(ViotDecoder.TABLE)
                .set("nodeCount", nodes.size())
                .set("nodeOffset", ViotDecoder.FIRST_NODE)
                .write();
        for (Node n : nodes) {
            TableWriter.StructWriter s = w.struct(n.layout);
            n.values.forEach(s::set);
            if (n.output != null) {
                s.set("outputNode", offsetOf(n.output));
            }
            s.set("type", n.type).set("length", n.layout.size()).write();
        }
        return w.finish();
    }

    /** One node being built. */
    public static final class Node {
        private final int type;
        private final Layout layout;
        private final Map<String, Long> values = new HashMap<>();
        private Node output;

        private Node(int type, Layout layout) {
            this.type = type;
            this.layout = layout;
        }

        /** Sets a field of the node's layout (a raw {@code outputNode} offset included). */
        public Node set(String field, long value) {
            layout.field(field);
            values.put(field, value);
            if (field.equals("outputNode")) {
                output = null;
            }
            return this;
        }

        private Node output(Node iommu) {
            this.output = iommu;
            return this;
        }
    }
}
