package io.github.xenacpi.conformance;

import static io.github.xenacpi.acpi.Severity.ERROR;
import static io.github.xenacpi.acpi.Severity.INFO;
import static io.github.xenacpi.acpi.Severity.WARNING;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.table.IortTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.decoder.IortDecoder;
import io.github.xenacpi.acpi.table.layout.Layout;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The IORT's nodes: revisions, ID mappings, memory access properties, SMMU models and ITS references. */
final class IortRules implements RuleSet {

    private static final String IORT = "Arm DEN0049 (IORT) E.e";

    static final Rule NODE_REVISION = Rule.of(
                    "IORT.NODE.REVISION",
                    INFO,
                    "Node revisions are known",
                    "A node revision newer than E.e (ITS 1, named component 4, root complex 4, SMMUv1/v2 3, SMMUv3 5,"
                            + " PMCG 2, RMR 3) may carry fields this project and older kernels do not read.",
                    IORT + " section 3")
            .fwts("IORTNodeRevisionInvalid");
    static final Rule IDMAP_OVERLAP = Rule.of(
            "IORT.IDMAP.OVERLAP",
            ERROR,
            "A node's ID mappings do not overlap",
            "Linux iort_node_map_id and Xen use the first mapping whose input range holds an ID; a later"
                    + " overlapping mapping never applies. An overlap of exactly one ID is the classic"
                    + " \"ID count is the number of IDs\" mistake (it is the number minus one), reported as a"
                    + " warning.",
            IORT + " section 3.1.1.4; Linux iort_id_map");
    static final Rule IDMAP_OUTPUT = Rule.of(
            "IORT.IDMAP.OUTPUT_REFERENCE",
            ERROR,
            "ID mappings lead to an ITS group or an SMMU node",
            "An output reference that is not the offset of a node, or that names a node other than an ITS group or"
                    + " an SMMU, breaks the translation: Linux iort_node_get_id and Xen stop there and the device"
                    + " gets no stream ID or no MSI domain. FWTS does not check references.",
            IORT + " section 3.1.1.4; Linux iort_node_map_id");
    static final Rule IDMAP_FLAGS = Rule.of(
                    "IORT.IDMAP.FLAGS.RESERVED",
                    WARNING,
                    "ID mapping flag bits 1 to 31 are" + " zero",
                    "Only Single Mapping is defined.",
                    IORT + " section 3.1.1.4")
            .fwts("IORTReservedBitsNonZero");
    static final Rule ITS_MAPPINGS = Rule.of(
                    "IORT.ITS_GROUP.MAPPINGS",
                    WARNING,
                    "An ITS group has no ID mappings",
                    "ITS groups end the translation; their mapping count and offset must be 0.",
                    IORT + " section 3.1.1.5")
            .fwts("IORTNodeMappingsCountNonZero");
    static final Rule ITS_REFERENCE = Rule.of(
            "IORT.ITS_GROUP.REFERENCE",
            ERROR,
            "Each ITS of an ITS group exists in the MADT",
            "ITS groups name ITSs by their MADT GIC ITS ID; Linux iort_find_its_base and Xen's ITS setup find"
                    + " no ITS for an unknown ID, so MSIs of the devices mapped there cannot be delivered.",
            IORT + " section 3.1.1.5; ACPI 6.5 section 5.2.12.18; Linux iort_find_its_base");
    static final Rule CCA = Rule.of(
                    "IORT.MEMORY_ACCESS.CCA",
                    WARNING,
                    "The cache coherency attribute is 0 or 1",
                    "CCA is 1 (fully coherent) or 0 (not coherent).",
                    IORT + " section 3.1.1.2")
            .fwts("IORTCacheCoherentAttrInvalid");
    static final Rule MEMORY_ATTRIBUTES = Rule.of(
                    "IORT.MEMORY_ACCESS.ATTRIBUTES",
                    WARNING,
                    "CCA agrees with the memory access flags",
                    "CCA cannot be 1 when CPM (coherent path to memory) is 0, and must be 1 when CPM and DACS are both"
                            + " set.",
                    IORT + " section 3.1.1.2")
            .fwts("IORTMemAttrInvalid");
    static final Rule NAMED_COMPONENT_FLAGS = Rule.of(
                    "IORT.NAMED_COMPONENT.FLAGS",
                    WARNING,
                    "Named component node flags are zero",
                    "The named component's node flags are reserved.",
                    IORT + " section 3.1.1.3")
            .fwts("IORTNamedComponentNodeFlagsNonZero");
    static final Rule ROOT_COMPLEX_FLAGS = Rule.of(
                    "IORT.ROOT_COMPLEX.FLAGS",
                    WARNING,
                    "Root complex flag bits 1 to 31 are zero",
                    "Only PASID forwarding is defined.",
                    IORT + " section 3.1.1.6")
            .fwts("IORTPCIRootComplexNodeFlagsInvalid");
    static final Rule SMMU_MODEL = Rule.of(
                    "IORT.SMMU_V1_V2.MODEL",
                    WARNING,
                    "The SMMUv1/v2 model is 0 to 5",
                    "Linux arm-smmu picks errata workarounds by model; an unknown model gets none.",
                    IORT + " section 3.1.1.7; Linux arm_smmu_device_acpi_probe")
            .fwts("IORTSmmuInvalidModel");
    static final Rule SMMU_V3_MODEL = Rule.of(
                    "IORT.SMMU_V3.MODEL",
                    WARNING,
                    "The SMMUv3 model is 0 to 2",
                    "Linux arm-smmu-v3 picks errata workarounds by model; an unknown model gets none.",
                    IORT + " section 3.1.1.8; Linux acpi_smmu_get_options")
            .fwts("IORTSmmuv3InvalidModel");
    static final Rule SMMU_BASE = Rule.of(
            "IORT.SMMU.BASE_ZERO",
            ERROR,
            "An SMMU has a base address",
            "An SMMU at address 0 cannot be driven, and Xen would hand Dom0 page 0 as its MMIO.",
            IORT + " sections 3.1.1.7 and 3.1.1.8");

    @Override
    public void check(CheckContext ctx) {
        Set<Long> its = new HashSet<>();
        boolean haveMadt = ctx.first("APIC", MadtTable.class)
                .map(m -> {
                    m.structures(MadtTable.GicIts.class).forEach(i -> its.add(i.translationId()));
                    return true;
                })
                .orElse(false);
        for (var d : ctx.all("IORT", IortTable.class)) {
            List<IortTable.Node> nodes = d.table().nodes();
            Map<Long, Integer> types = new HashMap<>();
            nodes.forEach(n -> types.put((long) n.common().offset(), n.common().type()));
            for (int i = 0; i < nodes.size(); i++) {
                node(ctx, d.loaded(), nodes.get(i), "IORT.node[" + i + "]", haveMadt ? its : null, types);
            }
        }
    }

    private static void node(
            CheckContext ctx,
            LoadedTable t,
            IortTable.Node node,
            String path,
            Set<Long> its,
            Map<Long, Integer> types) {
        IortTable.NodeHeader h = node.common();
        int max = switch (h.type()) {
            case IortTable.ITS_GROUP -> 1;
            case IortTable.NAMED_COMPONENT, IortTable.ROOT_COMPLEX -> 4;
            case IortTable.SMMU_V1_V2, IortTable.RMR -> 3;
            case IortTable.SMMU_V3 -> 5;
            case IortTable.PMCG -> 2;
            default -> Integer.MAX_VALUE;
        };
        if (h.revision() > max) {
            ctx.report(
                    NODE_REVISION,
                    t,
                    h.offset() + field(IortDecoder.NODE, "revision"),
                    path + ".revision",
                    "%s: node revision %d, the latest known for type %d is %d",
                    path,
                    h.revision(),
                    h.type(),
                    max);
        }
        mappings(ctx, t, h, path, types);
        if (node instanceof IortTable.ItsGroup g) {
            if (h.mappingCount() != 0) {
                ctx.report(
                        ITS_MAPPINGS,
                        t,
                        h.offset() + field(IortDecoder.NODE, "mappingCount"),
                        path + ".mappingCount",
                        "%s: ITS group declares %d ID mappings",
                        path,
                        h.mappingCount());
            }
            for (int i = 0; i < g.identifiers().size(); i++) {
                long id = g.identifiers().get(i);
                if (its != null && !its.contains(id)) {
                    ctx.report(
                            ITS_REFERENCE,
                            t,
                            h.offset() + IortDecoder.ITS_GROUP.size() + 4L * i,
                            path + ".identifier[" + i + "]",
                            "%s: ITS ID %d is not a GIC ITS of the MADT",
                            path,
                            id);
                }
            }
        } else if (node instanceof IortTable.NamedComponent nc) {
            memoryAccess(ctx, t, h.offset(), IortDecoder.NAMED_COMPONENT, nc.memoryAccess(), path);
            if (nc.flags() != 0) {
                ctx.report(
                        NAMED_COMPONENT_FLAGS,
                        t,
                        h.offset() + field(IortDecoder.NAMED_COMPONENT, "flags"),
                        path + ".flags",
                        "%s: node flags are 0x%X",
                        path,
                        nc.flags());
            }
        } else if (node instanceof IortTable.RootComplex rc) {
            memoryAccess(ctx, t, h.offset(), IortDecoder.ROOT_COMPLEX, rc.memoryAccess(), path);
            if ((rc.flags() & ~1L) != 0) {
                ctx.report(
                        ROOT_COMPLEX_FLAGS,
                        t,
                        h.offset() + field(IortDecoder.ROOT_COMPLEX, "flags"),
                        path + ".flags",
                        "%s: flags 0x%X set reserved bits",
                        path,
                        rc.flags());
            }
        } else if (node instanceof IortTable.SmmuV1V2 s) {
            if (s.model() > 5) {
                ctx.report(
                        SMMU_MODEL,
                        t,
                        h.offset() + field(IortDecoder.SMMU_V1_V2, "model"),
                        path + ".model",
                        "%s: SMMU model %d is not defined",
                        path,
                        s.model());
            }
            smmuBase(ctx, t, s.baseAddress(), h.offset() + field(IortDecoder.SMMU_V1_V2, "baseAddress"), path);
        } else if (node instanceof IortTable.SmmuV3 s) {
            if (s.model() > 2) {
                ctx.report(
                        SMMU_V3_MODEL,
                        t,
                        h.offset() + field(IortDecoder.SMMU_V3, "model"),
                        path + ".model",
                        "%s: SMMUv3 model %d is not defined",
                        path,
                        s.model());
            }
            smmuBase(ctx, t, s.baseAddress(), h.offset() + field(IortDecoder.SMMU_V3, "baseAddress"), path);
        }
    }

    private static void smmuBase(CheckContext ctx, LoadedTable t, long base, long at, String path) {
        if (base == 0) {
            ctx.report(SMMU_BASE, t, at, path + ".baseAddress", "%s: SMMU base address is 0", path);
        }
    }

    private static void mappings(
            CheckContext ctx, LoadedTable t, IortTable.NodeHeader h, String path, Map<Long, Integer> types) {
        List<IortTable.IdMapping> maps = h.idMappings();
        for (int i = 0; i < maps.size(); i++) {
            IortTable.IdMapping m = maps.get(i);
            long at = h.offset() + h.mappingOffset() + (long) i * IortDecoder.ID_MAPPING.size();
            String mp = path + ".idMapping[" + i + "]";
            Integer target = types.get(m.outputReference());
            if (target == null
                    || (target != IortTable.ITS_GROUP
                            && target != IortTable.SMMU_V1_V2
                            && target != IortTable.SMMU_V3)) {
                ctx.report(
                        IDMAP_OUTPUT,
                        t,
                        at + field(IortDecoder.ID_MAPPING, "outputReference"),
                        mp + ".outputReference",
                        "%s: output reference 0x%X %s",
                        mp,
                        m.outputReference(),
                        target == null
                                ? "is not the offset of any node"
                                : "is a node of type " + target + ", not an ITS group or an SMMU");
            }
            if ((m.flags() & ~1L) != 0) {
                ctx.report(
                        IDMAP_FLAGS,
                        t,
                        at + field(IortDecoder.ID_MAPPING, "flags"),
                        mp + ".flags",
                        "%s: flags 0x%X set reserved bits",
                        mp,
                        m.flags());
            }
            if (m.isSingle()) {
                continue;
            }
            for (int j = 0; j < i; j++) {
                IortTable.IdMapping o = maps.get(j);
                if (o.isSingle()) {
                    continue;
                }
                long lo = Math.max(m.inputBase(), o.inputBase());
                long hi = Math.min(m.inputBase() + m.idCount(), o.inputBase() + o.idCount());
                if (lo <= hi) {
                    Severity s = lo == hi ? WARNING : ERROR;
                    ctx.report(
                            IDMAP_OVERLAP,
                            s,
                            t.signature(),
                            t.instance(),
                            at + field(IortDecoder.ID_MAPPING, "inputBase"),
                            mp + ".inputBase",
                            String.format(
                                    "%s: input IDs 0x%X-0x%X overlap idMapping[%d]'s 0x%X-0x%X (%d IDs in common)",
                                    mp,
                                    m.inputBase(),
                                    m.inputBase() + m.idCount(),
                                    j,
                                    o.inputBase(),
                                    o.inputBase() + o.idCount(),
                                    hi - lo + 1));
                    break;
                }
            }
        }
    }

    private static void memoryAccess(
            CheckContext ctx, LoadedTable t, long node, Layout layout, IortTable.MemoryAccess a, String path) {
        long at = node + field(layout, "cacheCoherency");
        if (a.cacheCoherency() > 1) {
            ctx.report(
                    CCA,
                    t,
                    at,
                    path + ".cacheCoherency",
                    "%s: cache coherency attribute is %d",
                    path,
                    a.cacheCoherency());
            return;
        }
        boolean cpm = (a.memoryAccessFlags() & 1) != 0;
        boolean dacs = (a.memoryAccessFlags() & 2) != 0;
        if (a.cacheCoherency() == 1 && !cpm) {
            ctx.report(
                    MEMORY_ATTRIBUTES,
                    t,
                    at,
                    path + ".cacheCoherency",
                    "%s: CCA is 1 but the memory access flags (0x%X) do not set CPM",
                    path,
                    a.memoryAccessFlags());
        } else if (a.cacheCoherency() == 0 && cpm && dacs) {
            ctx.report(
                    MEMORY_ATTRIBUTES,
                    t,
                    at,
                    path + ".cacheCoherency",
                    "%s: CCA is 0 but the memory access flags (0x%X) set CPM and DACS",
                    path,
                    a.memoryAccessFlags());
        }
    }

    private static long field(Layout layout, String name) {
        return layout.field(name).offset();
    }
}
