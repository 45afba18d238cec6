package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.ViotTable;
import io.github.xenacpi.acpi.table.ViotTable.Node;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.ReferenceGraph;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.Subtable;
import io.github.xenacpi.acpi.table.layout.SubtableFormat;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes VIOT. Endpoint output nodes must point at the start of a virtio-iommu node. The MMIO base addresses
 * become regions of length 0: the table names a device by its base only (Linux's viot_parse_node and
 * viot_dev_iommu_init match it against the device's first MEM resource), so it maps nothing itself.
 */
public final class ViotDecoder implements TableDecoder<ViotTable> {

    /** Table fields after the standard header (at offset 36). */
    public static final Layout TABLE =
            Layout.of("VIOT").u16("nodeCount").u16("nodeOffset").reserved(8).build();

    /** Type 1 node. */
    public static final Layout PCI_RANGE = header("VIOT PCI range node")
            .u32("endpointStart")
            .u16("segmentStart")
            .u16("segmentEnd")
            .u16("bdfStart")
            .u16("bdfEnd")
            .u16("outputNode")
            .reserved(6)
            .build();

    /** Type 2 node. */
    public static final Layout MMIO_ENDPOINT = header("VIOT MMIO endpoint node")
            .u32("endpointId")
            .u64("baseAddress")
            .u16("outputNode")
            .reserved(6)
            .build();

    /** Type 3 node. */
    public static final Layout VIRTIO_PCI_IOMMU = header("VIOT virtio-pci IOMMU node")
            .u16("segment")
            .u16("bdf")
            .reserved(8)
            .build();

    /** Type 4 node. */
    public static final Layout VIRTIO_MMIO_IOMMU =
            header("VIOT virtio-mmio IOMMU node").reserved(4).u64("baseAddress").build();

    /** {@link #PCI_RANGE} bound to its record; the record's offset is the node's. */
    public static final RecordLayout<ViotTable.PciRange> PCI_RANGE_RECORD =
            RecordLayout.of(ViotTable.PciRange.class, PCI_RANGE);

    /** {@link #MMIO_ENDPOINT} bound to its record. */
    public static final RecordLayout<ViotTable.MmioEndpoint> MMIO_ENDPOINT_RECORD =
            RecordLayout.of(ViotTable.MmioEndpoint.class, MMIO_ENDPOINT);

    /** {@link #VIRTIO_PCI_IOMMU} bound to its record. */
    public static final RecordLayout<ViotTable.VirtioPciIommu> VIRTIO_PCI_IOMMU_RECORD =
            RecordLayout.of(ViotTable.VirtioPciIommu.class, VIRTIO_PCI_IOMMU);

    /** {@link #VIRTIO_MMIO_IOMMU} bound to its record. */
    public static final RecordLayout<ViotTable.VirtioMmioIommu> VIRTIO_MMIO_IOMMU_RECORD =
            RecordLayout.of(ViotTable.VirtioMmioIommu.class, VIRTIO_MMIO_IOMMU);

    /** Where the first node usually starts: right after the VIOT header fields. */
    public static final int FIRST_NODE = 48;

    private static Layout.Builder header(String name) {
        return Layout.of(name).u8("type").reserved(1).u16("length");
    }

    @Override
    public String signature() {
        return "VIOT";
    }

    @Override
    public ViotTable decode(DecodeContext ctx) {
        Struct t = ctx.read(TABLE, TableHeader.SIZE, "VIOT");
        ctx.checkReserved(t);
        int count = t.intValue("nodeCount");
        int offset = t.intValue("nodeOffset");
        List<Node> nodes = new ArrayList<>();
        if (!t.isComplete()) {
            return new ViotTable(ctx.header(), count, offset, nodes);
        }
        if (offset < FIRST_NODE || offset > ctx.end()) {
            ctx.error(
                    t.offsetOf("nodeOffset"),
                    "VIOT: node offset 0x%X lies outside the node area 0x%X..0x%X",
                    offset,
                    FIRST_NODE,
                    ctx.end());
            return new ViotTable(ctx.header(), count, offset, nodes);
        }
        List<Subtable> subs = ctx.subtables(SubtableFormat.TYPE8_PAD8_LENGTH16, offset, ctx.end(), "VIOT.node");
        if (subs.size() != count) {
            ctx.error(
                    t.offsetOf("nodeCount"),
                    "VIOT: node count is %d but %d nodes were found between offset 0x%X" + " and the end of the table",
                    count,
                    subs.size(),
                    offset);
        }
        List<Subtable> used = subs.size() > count ? subs.subList(0, count) : subs;
        for (Subtable sub : used) {
            nodes.add(node(ctx, sub));
        }
        checkOutputs(ctx, nodes, used);
        return new ViotTable(ctx.header(), count, offset, nodes);
    }

    private static Node node(DecodeContext ctx, Subtable sub) {
        String path = sub.path();
        switch (sub.type()) {
            case ViotTable.PCI_RANGE -> {
                Struct s = read(ctx, PCI_RANGE, sub);
                range(ctx, s, "segment", path);
                range(ctx, s, "bdf", path);
                return PCI_RANGE_RECORD.read(s);
            }
            case ViotTable.MMIO_ENDPOINT -> {
                Struct s = read(ctx, MMIO_ENDPOINT, sub);
                baseRegion(ctx, s, RegionKind.VIOT_ENDPOINT, path);
                return MMIO_ENDPOINT_RECORD.read(s);
            }
            case ViotTable.VIRTIO_PCI_IOMMU -> {
                Struct s = read(ctx, VIRTIO_PCI_IOMMU, sub);
                return VIRTIO_PCI_IOMMU_RECORD.read(s);
            }
            case ViotTable.VIRTIO_MMIO_IOMMU -> {
                Struct s = read(ctx, VIRTIO_MMIO_IOMMU, sub);
                baseRegion(ctx, s, RegionKind.VIRTIO_IOMMU, path);
                return VIRTIO_MMIO_IOMMU_RECORD.read(s);
            }
            default -> {
                ctx.warning(
                        sub.offset(), "%s: unknown node type %d (length %d) skipped", path, sub.type(), sub.length());
                return new ViotTable.UnknownNode(sub.offset(), sub.type(), sub.length());
            }
        }
    }

    private static Struct read(DecodeContext ctx, Layout layout, Subtable sub) {
        Struct s = ctx.read(layout, sub);
        ctx.checkReserved(s);
        return s;
    }

    private static void range(DecodeContext ctx, Struct s, String field, String path) {
        int start = s.intValue(field + "Start");
        int end = s.intValue(field + "End");
        if (end < start) {
            ctx.error(
                    s.offsetOf(field + "End"),
                    "%s: %s end 0x%X is below %s start 0x%X",
                    path,
                    field,
                    end,
                    field,
                    start);
        }
    }

    private static void baseRegion(DecodeContext ctx, Struct s, RegionKind kind, String path) {
        long base = s.value("baseAddress");
        if (base == 0) {
            ctx.error(s.offsetOf("baseAddress"), "%s: base address is 0", path);
            return;
        }
        ctx.region(kind, AddressSpace.SYSTEM_MEMORY, base, 0, s.offsetOf("baseAddress"), path + ".baseAddress");
    }

    private static void checkOutputs(DecodeContext ctx, List<Node> nodes, List<Subtable> subs) {
        List<Integer> offsets = new ArrayList<>();
        nodes.forEach(n -> offsets.add(n.offset()));
        ReferenceGraph graph = new ReferenceGraph(offsets);
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            int output;
            long fieldAt;
            if (n instanceof ViotTable.PciRange r) {
                output = r.outputNode();
                fieldAt = n.offset() + (long) PCI_RANGE.field("outputNode").offset();
            } else if (n instanceof ViotTable.MmioEndpoint m) {
                output = m.outputNode();
                fieldAt = n.offset() + (long) MMIO_ENDPOINT.field("outputNode").offset();
            } else {
                continue;
            }
            int target = graph.indexAt(output);
            String path = subs.get(i).path() + ".outputNode";
            if (target < 0) {
                ctx.error(fieldAt, "%s: reference 0x%X is not the start of any node", path, output);
            } else if (!(nodes.get(target) instanceof ViotTable.VirtioPciIommu)
                    && !(nodes.get(target) instanceof ViotTable.VirtioMmioIommu)) {
                ctx.error(fieldAt, "%s: reference 0x%X is not a virtio-iommu node", path, output);
            }
        }
    }
}
