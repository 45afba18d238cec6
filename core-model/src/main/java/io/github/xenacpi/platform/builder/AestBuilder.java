package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.AestTable;
import io.github.xenacpi.acpi.table.decoder.AestDecoder;
import io.github.xenacpi.acpi.table.layout.Layout;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes an AEST from node records, the node-specific data, interfaces and interrupts through the decoder's bindings
 * of their records. Each node is laid out canonically: header, node-specific data, interface,
 * interrupts, with the offsets and the node length computed (the record's length is not used).
 */
public final class AestBuilder implements TableBuilder {
    private final List<AestTable.Node> nodes = new ArrayList<>();

    /** Appends one node; a node without interface gets an all-zero one. */
    public AestBuilder node(AestTable.Node node) {
        nodes.add(node);
        return this;
    }

    /** The length a node gets from this builder. */
    public static int nodeLength(AestTable.Node node) {
        return AestDecoder.NODE.size()
                + dataSize(node.data())
                + AestDecoder.INTERFACE.size()
                + node.interrupts().size() * AestDecoder.INTERRUPT.size();
    }

    @Override
    public String signature() {
        return "AEST";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("AEST", 1, oem);
        for (AestTable.Node n : nodes) {
            int dataOffset = AestDecoder.NODE.size();
            int interfaceOffset = dataOffset + dataSize(n.data());
            int interruptOffset = interfaceOffset + AestDecoder.INTERFACE.size();
            w.struct(AestDecoder.NODE)
                    .set("type", n.type())
                    .set("length", nodeLength(n))
                    .set("dataOffset", dataOffset)
                    .set("interfaceOffset", interfaceOffset)
                    .set("interruptOffset", interruptOffset)
                    .set("interruptCount", n.interrupts().size())
                    .set(AestDecoder.NODE_RECORD, n)
                    .write();
            writeData(w, n.data());
            AestTable.Interface i = n.nodeInterface().orElse(new AestTable.Interface(0, 0, 0, 0, 0, 0, 0, 0));
            w.record(AestDecoder.INTERFACE_RECORD, i);
            n.interrupts().forEach(irq -> w.record(AestDecoder.INTERRUPT_RECORD, irq));
        }
        return w.finish();
    }

    private static int dataSize(AestTable.NodeData data) {
        if (data instanceof AestTable.Processor p) {
            return AestDecoder.PROCESSOR.size() + resourceLayout(p).size();
        }
        Layout layout = layout(data);
        return layout == null ? 0 : layout.size();
    }

    private static Layout resourceLayout(AestTable.Processor p) {
        return p.resourceType() == 2 ? AestDecoder.PROCESSOR_GENERIC : AestDecoder.PROCESSOR_RESOURCE;
    }

    private static Layout layout(AestTable.NodeData data) {
        if (data instanceof AestTable.Memory) {
            return AestDecoder.MEMORY;
        } else if (data instanceof AestTable.Smmu) {
            return AestDecoder.SMMU;
        } else if (data instanceof AestTable.Vendor) {
            return AestDecoder.VENDOR;
        } else if (data instanceof AestTable.Gic) {
            return AestDecoder.GIC;
        }
        return null;
    }

    private static void writeData(TableWriter w, AestTable.NodeData data) {
        if (data instanceof AestTable.Processor p) {
            w.record(AestDecoder.PROCESSOR_RECORD, p);
            w.struct(resourceLayout(p)).set("resource", p.resource()).write();
        } else if (data instanceof AestTable.Memory m) {
            w.record(AestDecoder.MEMORY_RECORD, m);
        } else if (data instanceof AestTable.Smmu s) {
            w.record(AestDecoder.SMMU_RECORD, s);
        } else if (data instanceof AestTable.Vendor v) {
            w.struct(AestDecoder.VENDOR)
                    .set(AestDecoder.VENDOR_RECORD, v)
                    .set("vendorData", HexFormat.of().parseHex(v.vendorData()))
                    .write();
        } else if (data instanceof AestTable.Gic g) {
            w.record(AestDecoder.GIC_RECORD, g);
        }
    }
}
