package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.IortTable;
import io.github.xenacpi.acpi.table.IortTable.IdMapping;
import io.github.xenacpi.acpi.table.IortTable.Interrupt;
import io.github.xenacpi.acpi.table.IortTable.MemoryAccess;
import io.github.xenacpi.acpi.table.IortTable.MemoryRangeDescriptor;
import io.github.xenacpi.acpi.table.IortTable.Node;
import io.github.xenacpi.acpi.table.IortTable.NodeHeader;
import io.github.xenacpi.acpi.table.TableDecoder;
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
import java.util.Locale;

/**
 * Decodes IORT (Arm DEN 0049). Nodes are read by their length, not their revision, so the short node layouts of
 * revision 0 tables and the longer ones of E.a to E.g all decode; fields a node is too short for read 0. Regions:
 * SMMU register frames, PMCG pages and RMR memory ranges. Every ID-mapping output reference and PMCG node
 * reference must point at the start of a node, and reference cycles are reported.
 */
public final class IortDecoder implements TableDecoder<IortTable> {

    /** Table fields after the standard header (at offset 36). */
    public static final Layout TABLE =
            Layout.of("IORT").u32("nodeCount").u32("nodeOffset").reserved(4).build();

    /** The header every node starts with; {@code identifier} is reserved before table revision 3 (E.b). */
    public static final Layout NODE = Layout.of("IORT node header")
            .u8("type")
            .u16("length")
            .u8("revision")
            .u32("identifier")
            .u32("mappingCount")
            .u32("mappingOffset")
            .build();

    /** One ID mapping. */
    public static final Layout ID_MAPPING = Layout.of("IORT ID mapping")
            .u32("inputBase")
            .u32("idCount")
            .u32("outputBase")
            .u32("outputReference")
            .u32("flags")
            .build();

    /** Type 0 node; {@code itsCount} 32-bit ITS identifiers follow. */
    public static final Layout ITS_GROUP =
            NODE.extend("IORT ITS group node").u32("itsCount").build();

    /** Type 1 node; the NUL-terminated object name follows. */
    public static final Layout NAMED_COMPONENT = NODE.extend("IORT named component node")
            .u32("flags")
            .u32("cacheCoherency")
            .u8("allocationHints")
            .reserved(2)
            .u8("memoryAccessFlags")
            .u8("memoryAddressSizeLimit")
            .build();

    /** Type 2 node, latest layout: 32 bytes in node revision 0, 36 from revision 1, 40 from E.c. */
    public static final Layout ROOT_COMPLEX = NODE.extend("IORT root complex node")
            .u32("cacheCoherency")
            .u8("allocationHints")
            .reserved(2)
            .u8("memoryAccessFlags")
            .u32("atsAttribute")
            .u32("pciSegment")
            .u8("memoryAddressSizeLimit")
            .u16("pasidCapabilities")
            .reserved(1)
            .u32("flags")
            .build();

    /** Type 3 node; the interrupt arrays lie at the offsets it gives, from the node's start. */
    public static final Layout SMMU_V1_V2 = NODE.extend("IORT SMMUv1/v2 node")
            .u64("baseAddress")
            .u64("span")
            .u32("model")
            .u32("flags")
            .u32("globalInterruptOffset")
            .u32("contextInterruptCount")
            .u32("contextInterruptOffset")
            .u32("pmuInterruptCount")
            .u32("pmuInterruptOffset")
            .build();

    /** The SMMUv1/v2 global interrupt array: NSgIrpt and NSgCfgIrpt with their flags. */
    public static final Layout SMMU_GLOBAL_INTERRUPTS = Layout.of("IORT SMMU global interrupts")
            .u32("nsgIrpt")
            .u32("nsgIrptFlags")
            .u32("nsgCfgIrpt")
            .u32("nsgCfgIrptFlags")
            .build();

    /** One SMMUv1/v2 context or PMU interrupt. */
    public static final Layout SMMU_INTERRUPT =
            Layout.of("IORT SMMU interrupt").u32("gsiv").u32("flags").build();

    /** Type 4 node, latest layout: 60 bytes in the oldest, 64 with the proximity domain, 68 with the index. */
    public static final Layout SMMU_V3 = NODE.extend("IORT SMMUv3 node")
            .u64("baseAddress")
            .u32("flags")
            .reserved(4)
            .u64("vatosAddress")
            .u32("model")
            .u32("eventGsiv")
            .u32("priGsiv")
            .u32("gerrGsiv")
            .u32("syncGsiv")
            .u32("proximityDomain")
            .u32("deviceIdMappingIndex")
            .build();

    /** Type 5 node; 32 bytes in node revision 0 (no page 1). */
    public static final Layout PMCG = NODE.extend("IORT PMCG node")
            .u64("page0BaseAddress")
            .u32("overflowGsiv")
            .u32("nodeReference")
            .u64("page1BaseAddress")
            .build();

    /** Type 6 node (E.b onwards, stable from table revision 5, E.d); its descriptors lie at {@code rangeOffset}. */
    public static final Layout RMR = NODE.extend("IORT RMR node")
            .u32("flags")
            .u32("rangeCount")
            .u32("rangeOffset")
            .build();

    /** One RMR memory range descriptor. */
    public static final Layout MEMORY_RANGE = Layout.of("IORT memory range descriptor")
            .u64("baseAddress")
            .u64("length")
            .reserved(4)
            .build();

    /** {@link #ID_MAPPING} bound to its record: the decoder reads and the builder writes through it. */
    public static final RecordLayout<IdMapping> ID_MAPPING_RECORD = RecordLayout.of(IdMapping.class, ID_MAPPING);
    /** {@link #SMMU_INTERRUPT} bound to its record. */
    public static final RecordLayout<Interrupt> SMMU_INTERRUPT_RECORD =
            RecordLayout.of(Interrupt.class, SMMU_INTERRUPT);
    /** {@link #MEMORY_RANGE} bound to its record. */
    public static final RecordLayout<MemoryRangeDescriptor> MEMORY_RANGE_RECORD =
            RecordLayout.of(MemoryRangeDescriptor.class, MEMORY_RANGE);
    /** {@link #TABLE} bound to the table's record; the decoder supplies the header and the nodes it found. */
    public static final RecordLayout<IortTable> TABLE_RECORD =
            RecordLayout.of(IortTable.class, TABLE, "header", "nodes");
    /**
     * {@link #NODE} bound to its record; the decoder supplies the usable length (the length field cut at the end of
     * the node list) and the ID mappings.
     */
    public static final RecordLayout<NodeHeader> NODE_RECORD =
            RecordLayout.of(NodeHeader.class, NODE, "length", "idMappings");
    /** The memory access properties of a {@link #NAMED_COMPONENT} node. */
    public static final RecordLayout<MemoryAccess> NAMED_COMPONENT_ACCESS_RECORD =
            RecordLayout.of(MemoryAccess.class, NAMED_COMPONENT);
    /** {@link #NAMED_COMPONENT} bound to its record; the decoder supplies the header, access and object name. */
    public static final RecordLayout<IortTable.NamedComponent> NAMED_COMPONENT_RECORD =
            RecordLayout.of(IortTable.NamedComponent.class, NAMED_COMPONENT, "common", "memoryAccess", "objectName");
    /** The memory access properties of a {@link #ROOT_COMPLEX} node. */
    public static final RecordLayout<MemoryAccess> ROOT_COMPLEX_ACCESS_RECORD =
            RecordLayout.of(MemoryAccess.class, ROOT_COMPLEX);
    /** {@link #ROOT_COMPLEX} bound to its record; the decoder supplies the header and the memory access. */
    public static final RecordLayout<IortTable.RootComplex> ROOT_COMPLEX_RECORD =
            RecordLayout.of(IortTable.RootComplex.class, ROOT_COMPLEX, "common", "memoryAccess");
    /** {@link #SMMU_V1_V2} bound to its record; the decoder supplies the header and the interrupts. */
    public static final RecordLayout<IortTable.SmmuV1V2> SMMU_V1_V2_RECORD = RecordLayout.of(
            IortTable.SmmuV1V2.class,
            SMMU_V1_V2,
            "common",
            "nsgIrpt",
            "nsgCfgIrpt",
            "contextInterrupts",
            "pmuInterrupts");
    /** {@link #SMMU_V3} bound to its record; the decoder supplies the header. */
    public static final RecordLayout<IortTable.SmmuV3> SMMU_V3_RECORD =
            RecordLayout.of(IortTable.SmmuV3.class, SMMU_V3, "common");
    /** {@link #PMCG} bound to its record; the decoder supplies the header. */
    public static final RecordLayout<IortTable.Pmcg> PMCG_RECORD =
            RecordLayout.of(IortTable.Pmcg.class, PMCG, "common");
    /** {@link #RMR} bound to its record; the decoder supplies the header and the memory ranges. */
    public static final RecordLayout<IortTable.ReservedMemoryRange> RMR_RECORD =
            RecordLayout.of(IortTable.ReservedMemoryRange.class, RMR, "common", "ranges");

    /** Where the first node usually starts: right after the IORT header fields. */
    public static final int FIRST_NODE = 48;

    /** SMMUv3 model of Cavium CN99xx, whose register space has no page 1. */
    public static final long SMMU_V3_MODEL_CAVIUM_CN99XX = 2;

    private static final SubtableFormat NODE_FRAMING = SubtableFormat.TYPE8_LENGTH16.withMinLength(16);

    @Override
    public String signature() {
        return "IORT";
    }

    @Override
    public IortTable decode(DecodeContext ctx) {
        Struct t = ctx.read(TABLE, TableHeader.SIZE, "IORT");
        ctx.checkReserved(t);
        long count = t.value("nodeCount");
        long offset = t.value("nodeOffset");
        List<Node> nodes = new ArrayList<>();
        if (!t.isComplete()) {
            return TABLE_RECORD.read(t, ctx.header(), nodes);
        }
        if (offset < FIRST_NODE || offset > ctx.end()) {
            ctx.error(
                    t.offsetOf("nodeOffset"),
                    "IORT: node offset 0x%X lies outside the node area 0x%X..0x%X",
                    offset,
                    FIRST_NODE,
                    ctx.end());
            return TABLE_RECORD.read(t, ctx.header(), nodes);
        }
        List<Subtable> subs = ctx.subtables(NODE_FRAMING, (int) offset, ctx.end(), "IORT.node");
        if (subs.size() != count) {
            ctx.error(
                    t.offsetOf("nodeCount"),
                    "IORT: node count is %d but %d nodes were found between offset" + " 0x%X and the end of the table",
                    count,
                    subs.size(),
                    offset);
        }
        List<Subtable> used = subs.size() > count ? subs.subList(0, (int) count) : subs;
        for (Subtable sub : used) {
            nodes.add(node(ctx, sub));
        }
        checkReferences(ctx, nodes, used);
        return TABLE_RECORD.read(t, ctx.header(), nodes);
    }

    private static Node node(DecodeContext ctx, Subtable sub) {
        Struct h = ctx.read(NODE, sub);
        String path = sub.path();
        if (ctx.revision() < 3 && h.value("identifier") != 0) {
            ctx.warning(
                    h.offsetOf("identifier"),
                    "%s: reserved field (the node identifier from revision 3) is"
                            + " 0x%X in a revision %d table, expected 0",
                    path,
                    h.value("identifier"),
                    ctx.revision());
        }
        long mappingCount = h.value("mappingCount");
        long mappingOffset = h.value("mappingOffset");
        int fixedEnd = sub.length();
        if (mappingCount > 0 && mappingOffset >= NODE.size() && mappingOffset < fixedEnd) {
            fixedEnd = (int) mappingOffset;
        }
        List<IdMapping> mappings = mappings(ctx, sub, mappingCount, mappingOffset);
        NodeHeader common = NODE_RECORD.read(h, sub.length(), mappings);
        return switch (sub.type()) {
            case IortTable.ITS_GROUP -> itsGroup(ctx, sub, common, fixedEnd);
            case IortTable.NAMED_COMPONENT -> namedComponent(ctx, sub, common, fixedEnd);
            case IortTable.ROOT_COMPLEX -> rootComplex(ctx, sub, common, fixedEnd);
            case IortTable.SMMU_V1_V2 -> smmuV1V2(ctx, sub, common, fixedEnd);
            case IortTable.SMMU_V3 -> smmuV3(ctx, sub, common, fixedEnd);
            case IortTable.PMCG -> pmcg(ctx, sub, common, fixedEnd);
            case IortTable.RMR -> rmr(ctx, sub, common, fixedEnd);
            default -> {
                ctx.warning(
                        sub.offset(),
                        "%s: unknown node type %d (length %d); only its header is decoded",
                        path,
                        sub.type(),
                        sub.length());
                yield new IortTable.UnknownNode(common);
            }
        };
    }

    /** The node's fixed fields, bounded by its length or its mapping array; reports a node below its minimum. */
    private static Struct fixed(DecodeContext ctx, Subtable sub, Layout layout, int fixedEnd, int minimum) {
        if (fixedEnd < minimum) {
            ctx.error(
                    sub.offset(),
                    "%s: %s has %d bytes before its ID mappings or end, needs at least %d",
                    sub.path(),
                    layout.name(),
                    fixedEnd,
                    minimum);
        }
        Struct s = ctx.readUpTo(layout, sub.offset(), fixedEnd, sub.path());
        ctx.checkReserved(s);
        return s;
    }

    private static List<IdMapping> mappings(DecodeContext ctx, Subtable sub, long count, long offset) {
        List<IdMapping> out = new ArrayList<>();
        if (count == 0) {
            return out;
        }
        String path = sub.path();
        long fits = offset < NODE.size() || offset >= sub.length() ? 0 : (sub.length() - offset) / ID_MAPPING.size();
        if (offset < NODE.size() || offset + count * ID_MAPPING.size() > sub.length()) {
            ctx.error(
                    sub.offset() + 12L,
                    "%s: %d ID mappings at node offset 0x%X (%d bytes) lie outside the node"
                            + " of length %d; %d decoded",
                    path,
                    count,
                    offset,
                    count * ID_MAPPING.size(),
                    sub.length(),
                    Math.min(fits, count));
        }
        List<long[]> ranges = new ArrayList<>();
        for (int i = 0; i < Math.min(fits, count); i++) {
            int at = sub.offset() + (int) offset + i * ID_MAPPING.size();
            Struct m = ctx.read(ID_MAPPING, at, path + ".idMapping[" + i + "]");
            IdMapping map = ID_MAPPING_RECORD.read(m);
            if (!map.isSingle()) {
                overlap(ctx, m, map, ranges, path, i);
                ranges.add(new long[] {map.inputBase(), map.inputBase() + map.idCount(), i});
            }
            out.add(map);
        }
        return out;
    }

    private static void overlap(
            DecodeContext ctx, Struct m, IdMapping map, List<long[]> ranges, String path, int index) {
        long first = map.inputBase();
        long last = first + map.idCount();
        for (long[] r : ranges) {
            if (first > r[1] || last < r[0]) {
                continue;
            }
            boolean oneId = first == r[1] || last == r[0];
            // iort_id_map: Linux accepts input ranges that share exactly one ID (an ID count not given "minus
            // one") as a firmware bug it works around; a wider overlap makes the translation ambiguous.
            if (oneId) {
                ctx.warning(
                        m.offsetOf("inputBase"),
                        "%s.idMapping[%d]: input IDs 0x%X..0x%X overlap idMapping[%d]"
                                + " (0x%X..0x%X) by one ID (ID count not given as \"number of IDs minus one\"?)",
                        path,
                        index,
                        first,
                        last,
                        r[2],
                        r[0],
                        r[1]);
            } else {
                ctx.error(
                        m.offsetOf("inputBase"),
                        "%s.idMapping[%d]: input IDs 0x%X..0x%X overlap idMapping[%d]" + " (0x%X..0x%X)",
                        path,
                        index,
                        first,
                        last,
                        r[2],
                        r[0],
                        r[1]);
            }
        }
    }

    private static Node itsGroup(DecodeContext ctx, Subtable sub, NodeHeader common, int fixedEnd) {
        Struct s = fixed(ctx, sub, ITS_GROUP, fixedEnd, ITS_GROUP.size());
        long count = s.value("itsCount");
        long fits = Math.max(0, (fixedEnd - ITS_GROUP.size()) / 4);
        if (count > fits) {
            ctx.error(
                    s.offsetOf("itsCount"),
                    "%s: %d ITS identifiers declared, only %d fit in the node",
                    sub.path(),
                    count,
                    fits);
        }
        List<Long> ids = new ArrayList<>();
        for (long id : ctx.array(
                sub.offset() + ITS_GROUP.size(), (int) Math.min(count, fits), 4, sub.path() + ".identifiers")) {
            ids.add(id);
        }
        return new IortTable.ItsGroup(common, ids);
    }

    private static Node namedComponent(DecodeContext ctx, Subtable sub, NodeHeader common, int fixedEnd) {
        Struct s = fixed(ctx, sub, NAMED_COMPONENT, fixedEnd, NAMED_COMPONENT.size() + 1);
        int nameAt = sub.offset() + NAMED_COMPONENT.size();
        int nameLimit = sub.offset() + fixedEnd;
        String name = ctx.nulTerminated(nameAt, nameLimit);
        if (fixedEnd <= NAMED_COMPONENT.size()) {
            name = "";
        } else if (nameAt + name.length() >= Math.min(nameLimit, ctx.end())) {
            ctx.error(nameAt, "%s: device object name \"%s\" is not NUL-terminated within the node", sub.path(), name);
        } else if (name.isEmpty()) {
            ctx.error(nameAt, "%s: device object name is empty", sub.path());
        }
        return NAMED_COMPONENT_RECORD.read(s, common, NAMED_COMPONENT_ACCESS_RECORD.read(s), name);
    }

    private static Node rootComplex(DecodeContext ctx, Subtable sub, NodeHeader common, int fixedEnd) {
        Struct s = fixed(
                ctx,
                sub,
                ROOT_COMPLEX,
                fixedEnd,
                ROOT_COMPLEX.field("memoryAddressSizeLimit").offset());
        return ROOT_COMPLEX_RECORD.read(s, common, ROOT_COMPLEX_ACCESS_RECORD.read(s));
    }

    private static Node smmuV1V2(DecodeContext ctx, Subtable sub, NodeHeader common, int fixedEnd) {
        Struct s = fixed(ctx, sub, SMMU_V1_V2, fixedEnd, SMMU_V1_V2.size());
        String path = sub.path();
        long global = s.value("globalInterruptOffset");
        Interrupt nsg = new Interrupt(0, 0);
        Interrupt nsgCfg = new Interrupt(0, 0);
        if (inNode(ctx, sub, s, "globalInterruptOffset", global, 1, SMMU_GLOBAL_INTERRUPTS.size())) {
            Struct g = ctx.read(SMMU_GLOBAL_INTERRUPTS, sub.offset() + (int) global, path + ".globalInterrupts");
            nsg = new Interrupt(g.value("nsgIrpt"), g.value("nsgIrptFlags"));
            nsgCfg = new Interrupt(g.value("nsgCfgIrpt"), g.value("nsgCfgIrptFlags"));
        }
        List<Interrupt> context = interrupts(ctx, sub, s, "contextInterrupt", path + ".contextInterrupt");
        List<Interrupt> pmu = interrupts(ctx, sub, s, "pmuInterrupt", path + ".pmuInterrupt");
        IortTable.SmmuV1V2 node = SMMU_V1_V2_RECORD.read(s, common, nsg, nsgCfg, context, pmu);
        if (node.baseAddress() != 0) {
            if (node.span() == 0) {
                ctx.error(s.offsetOf("span"), "%s: SMMU span is 0", path);
            }
            // arm_smmu_init_resources: one MEM resource from the base over the node's span.
            ctx.region(
                    RegionKind.SMMU,
                    AddressSpace.SYSTEM_MEMORY,
                    node.baseAddress(),
                    node.span(),
                    s.offsetOf("baseAddress"),
                    path + ".baseAddress");
        }
        return node;
    }

    private static List<Interrupt> interrupts(DecodeContext ctx, Subtable sub, Struct s, String prefix, String path) {
        List<Interrupt> out = new ArrayList<>();
        long count = s.value(prefix + "Count");
        long offset = s.value(prefix + "Offset");
        if (count == 0 || !inNode(ctx, sub, s, prefix + "Offset", offset, count, SMMU_INTERRUPT.size())) {
            return out;
        }
        for (int i = 0; i < count; i++) {
            Struct irq = ctx.read(
                    SMMU_INTERRUPT, sub.offset() + (int) offset + i * SMMU_INTERRUPT.size(), path + "[" + i + "]");
            out.add(SMMU_INTERRUPT_RECORD.read(irq));
        }
        return out;
    }

    /** Whether {@code count} entries of {@code size} bytes at node offset {@code offset} lie in the node. */
    private static boolean inNode(
            DecodeContext ctx, Subtable sub, Struct s, String field, long offset, long count, int size) {
        if (offset < NODE.size() || offset + count * size > sub.length()) {
            ctx.error(
                    s.offsetOf(field),
                    "%s: %s 0x%X with %d entries of %d bytes lies outside the node of" + " length %d",
                    sub.path(),
                    field,
                    offset,
                    count,
                    size,
                    sub.length());
            return false;
        }
        return true;
    }

    private static Node smmuV3(DecodeContext ctx, Subtable sub, NodeHeader common, int fixedEnd) {
        Struct s = fixed(
                ctx, sub, SMMU_V3, fixedEnd, SMMU_V3.field("proximityDomain").offset());
        String path = sub.path();
        IortTable.SmmuV3 node = SMMU_V3_RECORD.read(s, common);
        if (node.baseAddress() != 0) {
            // The register pages' base; the node gives no size (what Linux maps is platform.RegionExtents').
            ctx.region(
                    RegionKind.SMMU,
                    AddressSpace.SYSTEM_MEMORY,
                    node.baseAddress(),
                    0,
                    s.offsetOf("baseAddress"),
                    path + ".baseAddress");
        }
        long vatos = node.vatosAddress();
        if (vatos != 0) {
            // SMMUv3 architecture: the VATOS interface is one 64 KiB page (Linux does not map it).
            ctx.region(
                    RegionKind.SMMU,
                    AddressSpace.SYSTEM_MEMORY,
                    vatos,
                    64 << 10,
                    s.offsetOf("vatosAddress"),
                    path + ".vatosAddress");
        }
        long index = node.deviceIdMappingIndex();
        // The index names the ID mapping that carries the SMMU's own MSIs: it matters when the DeviceID-valid flag
        // (bit 4) is set or an interrupt has no GSIV (so it is signalled by MSI).
        boolean msi =
                (node.flags() & 0x10) != 0 || node.eventGsiv() == 0 || node.gerrGsiv() == 0 || node.syncGsiv() == 0;
        if (s.has("deviceIdMappingIndex")
                && msi
                && !common.idMappings().isEmpty()
                && index >= common.idMappings().size()) {
            ctx.error(
                    s.offsetOf("deviceIdMappingIndex"),
                    "%s: device ID mapping index %d is past the node's %d" + " ID mappings",
                    path,
                    index,
                    common.idMappings().size());
        }
        return node;
    }

    private static Node pmcg(DecodeContext ctx, Subtable sub, NodeHeader common, int fixedEnd) {
        Struct s =
                fixed(ctx, sub, PMCG, fixedEnd, PMCG.field("page1BaseAddress").offset());
        String path = sub.path();
        IortTable.Pmcg node = PMCG_RECORD.read(s, common);
        // The counter group pages' bases; the node gives no length (what Linux maps is platform.RegionExtents').
        long page0 = node.page0BaseAddress();
        if (page0 != 0) {
            ctx.region(
                    RegionKind.PMCG,
                    AddressSpace.SYSTEM_MEMORY,
                    page0,
                    0,
                    s.offsetOf("page0BaseAddress"),
                    path + ".page0BaseAddress");
        }
        long page1 = node.page1BaseAddress();
        // Page 1 came with PMCG node revision 1 (DEN0049D); arm_smmu_v3_pmcg_init_resources makes it a resource
        // only "if (node->revision > 0)" (seen in the ground-truth boot own-iort-pmcg, Linux 6.1).
        if (page1 != 0 && common.revision() > 0) {
            ctx.region(
                    RegionKind.PMCG,
                    AddressSpace.SYSTEM_MEMORY,
                    page1,
                    0,
                    s.offsetOf("page1BaseAddress"),
                    path + ".page1BaseAddress");
        }
        return node;
    }

    private static Node rmr(DecodeContext ctx, Subtable sub, NodeHeader common, int fixedEnd) {
        Struct s = fixed(ctx, sub, RMR, fixedEnd, RMR.size());
        String path = sub.path();
        if (ctx.revision() < 5) {
            // iort_find_rmrs: Linux reads RMR nodes only from table revision 5 (E.d) onwards.
            ctx.warning(
                    sub.offset(),
                    "%s: RMR node in a revision %d table; the RMR layouts of E.b and E.c are"
                            + " deprecated and Linux reads RMR nodes only from revision 5 (E.d)",
                    path,
                    ctx.revision());
        }
        List<MemoryRangeDescriptor> ranges = new ArrayList<>();
        long count = s.value("rangeCount");
        long offset = s.value("rangeOffset");
        if (count == 0) {
            ctx.error(s.offsetOf("rangeCount"), "%s: RMR node has no memory range descriptor", path);
        } else if (inNode(ctx, sub, s, "rangeOffset", offset, count, MEMORY_RANGE.size())) {
            for (int i = 0; i < count; i++) {
                String rangePath = path + ".range[" + i + "]";
                Struct r = ctx.read(MEMORY_RANGE, sub.offset() + (int) offset + i * MEMORY_RANGE.size(), rangePath);
                ctx.checkReserved(r);
                MemoryRangeDescriptor range = MEMORY_RANGE_RECORD.read(r);
                if (range.length() == 0) {
                    ctx.error(
                            r.offsetOf("length"),
                            "%s: memory range at 0x%X has length 0",
                            rangePath,
                            range.baseAddress());
                }
                // iort_get_rmrs: each descriptor becomes a reserved region of exactly base and length.
                ctx.region(
                        RegionKind.RMR,
                        AddressSpace.SYSTEM_MEMORY,
                        range.baseAddress(),
                        range.length(),
                        r.offsetOf("baseAddress"),
                        rangePath);
                ranges.add(range);
            }
        }
        return RMR_RECORD.read(s, common, ranges);
    }

    /** Checks that references point at nodes, of a fitting type, and that they never lead back to a node. */
    private static void checkReferences(DecodeContext ctx, List<Node> nodes, List<Subtable> subs) {
        List<Integer> offsets = new ArrayList<>();
        nodes.forEach(n -> offsets.add(n.common().offset()));
        ReferenceGraph graph = new ReferenceGraph(offsets);
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            String path = subs.get(i).path();
            List<IdMapping> maps = n.common().idMappings();
            for (int m = 0; m < maps.size(); m++) {
                long fieldAt = n.common().offset()
                        + n.common().mappingOffset()
                        + (long) m * ID_MAPPING.size()
                        + ID_MAPPING.field("outputReference").offset();
                int target = reference(
                        ctx,
                        graph,
                        maps.get(m).outputReference(),
                        fieldAt,
                        path + ".idMapping[" + m + "].outputReference");
                if (target >= 0) {
                    graph.addEdge(i, target);
                    int type = nodes.get(target).common().type();
                    if (type != IortTable.ITS_GROUP && type != IortTable.SMMU_V1_V2 && type != IortTable.SMMU_V3) {
                        ctx.error(
                                fieldAt,
                                "%s.idMapping[%d]: output reference 0x%X is a node of type %d; ID"
                                        + " mappings lead to an ITS group or an SMMU",
                                path,
                                m,
                                maps.get(m).outputReference(),
                                type);
                    }
                }
            }
            if (n instanceof IortTable.Pmcg p) {
                long fieldAt =
                        p.common().offset() + (long) PMCG.field("nodeReference").offset();
                reference(ctx, graph, p.nodeReference(), fieldAt, path + ".nodeReference");
            }
        }
        for (List<Integer> cycle : graph.cycles()) {
            StringBuilder walk = new StringBuilder();
            for (int index : cycle) {
                walk.append(walk.length() == 0 ? "" : " -> ")
                        .append("node[")
                        .append(index)
                        .append("]@0x")
                        .append(Integer.toHexString(offsets.get(index)).toUpperCase(Locale.ROOT));
            }
            ctx.error(
                    offsets.get(cycle.get(0)),
                    "%s: ID mappings lead back to the node itself: %s",
                    subs.get(cycle.get(0)).path(),
                    walk);
        }
    }

    private static int reference(DecodeContext ctx, ReferenceGraph graph, long reference, long fieldAt, String path) {
        int target = graph.indexAt(reference);
        if (target < 0) {
            ctx.error(fieldAt, "%s: reference 0x%X is not the start of any node", path, reference);
        }
        return target;
    }
}
