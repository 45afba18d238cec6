package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.IortTable;
import io.github.xenacpi.acpi.table.decoder.IortDecoder;
import io.github.xenacpi.acpi.table.layout.Layout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an IORT: nodes of every type with their ID mappings, interrupt arrays, names and memory ranges. ID
 * mappings and PMCG references name their target node; the builder turns them into table offsets. Each node is
 * written as [fixed fields][variable data][ID mappings]; {@link Node#fixedSize(int)} writes an older, shorter
 * node layout.
 */
public final class IortBuilder implements TableBuilder {
    private final List<Node> nodes = new ArrayList<>();
    private int revision = 5;

    public IortBuilder revision(int value) {
        this.revision = value;
        return this;
    }

    /** An ITS group node of these GIC ITS identifiers. */
    public Node itsGroup(long... identifiers) {
        Node n = add(IortTable.ITS_GROUP, IortDecoder.ITS_GROUP).set("itsCount", identifiers.length);
        for (long id : identifiers) {
            n.variable.add(new long[] {id, 4});
        }
        return n;
    }

    /** A named component node for the device at this namespace path. */
    public Node namedComponent(String objectName) {
        Node n = add(IortTable.NAMED_COMPONENT, IortDecoder.NAMED_COMPONENT);
        byte[] name = objectName.getBytes(StandardCharsets.US_ASCII);
        byte[] padded = Arrays.copyOf(name, (name.length + 1 + 3) / 4 * 4);
        for (byte b : padded) {
            n.variable.add(new long[] {b & 0xFF, 1});
        }
        return n;
    }

    /** A PCI root complex node of the latest layout. */
    public Node rootComplex(long pciSegment) {
        return add(IortTable.ROOT_COMPLEX, IortDecoder.ROOT_COMPLEX).set("pciSegment", pciSegment);
    }

    /**
     * An SMMUv1/v2 node: global interrupts (NSgIrpt, NSgCfgIrpt; flags 0), then the context and PMU interrupts
     * added with {@link Node#contextInterrupt} and {@link Node#pmuInterrupt}.
     */
    public Node smmuV1V2(long baseAddress, long span, long model, long nsgIrpt, long nsgCfgIrpt) {
        Node n = add(IortTable.SMMU_V1_V2, IortDecoder.SMMU_V1_V2)
                .set("baseAddress", baseAddress)
                .set("span", span)
                .set("model", model);
        n.global = new long[] {nsgIrpt, 0, nsgCfgIrpt, 0};
        return n;
    }

    /** An SMMUv3 node of the latest layout. */
    public Node smmuV3(long baseAddress) {
        return add(IortTable.SMMU_V3, IortDecoder.SMMU_V3).set("baseAddress", baseAddress);
    }

    /** A PMCG node for the pages at these bases, associated with {@code reference}. */
    public Node pmcg(long page0, long page1, Node reference) {
        Node n = add(IortTable.PMCG, IortDecoder.PMCG)
                .set("page0BaseAddress", page0)
                .set("page1BaseAddress", page1);
        n.pmcgTarget = reference;
        return n;
    }

    /** An RMR node with these flags; add its ranges with {@link Node#range}. */
    public Node rmr(long flags) {
        return add(IortTable.RMR, IortDecoder.RMR).set("flags", flags);
    }

    /** A node of any type, with only the common header and {@code payload} zero bytes of fixed fields. */
    public Node raw(int type, int payload) {
        Node n = add(type, IortDecoder.NODE);
        n.fixedSize = IortDecoder.NODE.size() + payload;
        return n;
    }

    private Node add(int type, Layout layout) {
        Node n = new Node(type, layout);
        nodes.add(n);
        return n;
    }

    /** The table offset at which a node will be written. */
    public int offsetOf(Node node) {
        int at = IortDecoder.FIRST_NODE;
        for (Node n : nodes) {
            if (n == node) {
                return at;
            }
            at += n.size();
        }
        throw new IllegalArgumentException("node not in this builder");
    }

    @Override
    public String signature() {
        return "IORT";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("IORT", revision, oem);
        w.struct(IortDecoder.TABLE)
                .set("nodeCount", nodes.size())
                .set("nodeOffset", IortDecoder.FIRST_NODE)
                .write();
        for (Node n : nodes) {
            n.write(w);
        }
        return w.finish();
    }

    /** An ID mapping whose output reference is a node of this builder (resolved when written), or given raw. */
    private record PendingMapping(IortTable.IdMapping mapping, Node target) {

        /** The mapping with the target node's offset as its output reference. */
        IortTable.IdMapping to(long targetOffset) {
            return new IortTable.IdMapping(
                    mapping.inputBase(), mapping.idCount(), mapping.outputBase(), targetOffset, mapping.flags());
        }
    }

    /** One node being built: its fields by name, its variable data and its ID mappings. */
    public final class Node {
        private final int type;
        private final Layout layout;
        private final Map<String, Long> values = new HashMap<>();
        private final List<long[]> variable = new ArrayList<>();
        private final List<PendingMapping> mappings = new ArrayList<>();
        private final List<IortTable.Interrupt> contextInterrupts = new ArrayList<>();
        private final List<IortTable.Interrupt> pmuInterrupts = new ArrayList<>();
        private final List<IortTable.MemoryRangeDescriptor> ranges = new ArrayList<>();
        private long[] global;
        private Node pmcgTarget;
        private int fixedSize;
        private int revision;

        private Node(int type, Layout layout) {
            this.type = type;
            this.layout = layout;
            this.fixedSize = layout.size();
        }

        /** Sets a field of the node's layout. */
        public Node set(String field, long value) {
            layout.field(field);
            values.put(field, value);
            return this;
        }

        public Node revision(int value) {
            this.revision = value;
            return this;
        }

        /** Writes only the first {@code bytes} of the fixed fields, as an older node revision does. */
        public Node fixedSize(int bytes) {
            this.fixedSize = bytes;
            return this;
        }

        /** Adds an ID mapping to another node of this builder. */
        public Node mapping(long inputBase, long idCount, long outputBase, Node target, long flags) {
            mappings.add(new PendingMapping(new IortTable.IdMapping(inputBase, idCount, outputBase, 0, flags), target));
            return this;
        }

        /** Adds an ID mapping whose output reference is a raw table offset. */
        public Node mappingTo(long inputBase, long idCount, long outputBase, long outputReference, long flags) {
            mappings.add(new PendingMapping(
                    new IortTable.IdMapping(inputBase, idCount, outputBase, outputReference, flags), null));
            return this;
        }

        public Node contextInterrupt(long gsiv, long flags) {
            contextInterrupts.add(new IortTable.Interrupt(gsiv, flags));
            return this;
        }

        public Node pmuInterrupt(long gsiv, long flags) {
            pmuInterrupts.add(new IortTable.Interrupt(gsiv, flags));
            return this;
        }

        /** Adds an RMR memory range descriptor. */
        public Node range(long baseAddress, long length) {
            ranges.add(new IortTable.MemoryRangeDescriptor(baseAddress, length));
            return this;
        }

        private int variableSize() {
            int size = 0;
            for (long[] v : variable) {
                size += (int) v[1];
            }
            if (global != null) {
                size += IortDecoder.SMMU_GLOBAL_INTERRUPTS.size();
            }
            size += (contextInterrupts.size() + pmuInterrupts.size()) * IortDecoder.SMMU_INTERRUPT.size();
            return size + ranges.size() * IortDecoder.MEMORY_RANGE.size();
        }

        private int size() {
            return fixedSize + variableSize() + mappings.size() * IortDecoder.ID_MAPPING.size();
        }

        private void write(TableWriter w) {
            int start = w.position();
            int at = fixedSize + (global != null ? IortDecoder.SMMU_GLOBAL_INTERRUPTS.size() : 0);
            TableWriter scratch = TableWriter.headerless();
            TableWriter.StructWriter s = scratch.struct(layout);
            values.forEach(s::set);
            s.set("type", type)
                    .set("length", size())
                    .set("revision", revision)
                    .set("mappingCount", mappings.size())
                    .set("mappingOffset", mappings.isEmpty() ? 0 : fixedSize + variableSize());
            if (global != null) {
                s.set("globalInterruptOffset", fixedSize)
                        .set("contextInterruptCount", contextInterrupts.size())
                        .set("contextInterruptOffset", at)
                        .set("pmuInterruptCount", pmuInterrupts.size())
                        .set("pmuInterruptOffset", at + contextInterrupts.size() * IortDecoder.SMMU_INTERRUPT.size());
            }
            if (type == IortTable.RMR) {
                s.set("rangeCount", ranges.size()).set("rangeOffset", fixedSize);
            }
            if (pmcgTarget != null) {
                s.set("nodeReference", offsetOf(pmcgTarget));
            }
            s.write();
            w.bytes(Arrays.copyOf(scratch.toBytes(), fixedSize));
            for (long[] v : variable) {
                if (v[1] == 1) {
                    w.u8(v[0]);
                } else {
                    w.u32(v[0]);
                }
            }
            if (global != null) {
                w.struct(IortDecoder.SMMU_GLOBAL_INTERRUPTS)
                        .set("nsgIrpt", global[0])
                        .set("nsgIrptFlags", global[1])
                        .set("nsgCfgIrpt", global[2])
                        .set("nsgCfgIrptFlags", global[3])
                        .write();
            }
            contextInterrupts.forEach(irq -> w.record(IortDecoder.SMMU_INTERRUPT_RECORD, irq));
            pmuInterrupts.forEach(irq -> w.record(IortDecoder.SMMU_INTERRUPT_RECORD, irq));
            ranges.forEach(r -> w.record(IortDecoder.MEMORY_RANGE_RECORD, r));
            for (PendingMapping m : mappings) {
                w.record(IortDecoder.ID_MAPPING_RECORD, m.target() == null ? m.mapping() : m.to(offsetOf(m.target())));
            }
            if (w.position() - start != size()) {
                throw new IllegalStateException("IORT node size mismatch");
            }
        }
    }
}
