package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.table.PpttTable;
import io.github.xenacpi.acpi.table.PpttTable.Node;
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
 * Decodes PPTT. Describes no address ranges. Every parent, private resource and next-level-of-cache reference must
 * point at the start of a structure of the right type, and parent or cache chains that lead back to themselves
 * are reported (the walk is bounded by the number of structures).
 */
public final class PpttDecoder implements TableDecoder<PpttTable> {

    /** Type 0; {@code privateResourceCount} 32-bit structure offsets follow. */
    public static final Layout PROCESSOR = Layout.of("PPTT processor hierarchy node")
            .u8("type")
            .u8("length")
            .reserved(2)
            .u32("flags")
            .u32("parent")
            .u32("acpiProcessorId")
            .u32("privateResourceCount")
            .build();

    /** Type 1, revision 3 layout; revisions 1 and 2 end before {@code cacheId} (24 bytes). */
    public static final Layout CACHE = Layout.of("PPTT cache type structure")
            .u8("type")
            .u8("length")
            .reserved(2)
            .u32("flags")
            .u32("nextLevelOfCache")
            .u32("size")
            .u32("numberOfSets")
            .u8("associativity")
            .u8("attributes")
            .u16("lineSize")
            .u32("cacheId")
            .build();

    /** Type 2. */
    public static final Layout ID = Layout.of("PPTT ID structure")
            .u8("type")
            .u8("length")
            .reserved(2)
            .u32("vendorId")
            .u64("level1Id")
            .u64("level2Id")
            .u16("majorRevision")
            .u16("minorRevision")
            .u16("spinRevision")
            .build();

    /**
     * {@link #PROCESSOR} bound to its record; the offset is the node's, the length the framing's and the private
     * resources the list that follows.
     */
    public static final RecordLayout<PpttTable.ProcessorHierarchy> PROCESSOR_RECORD =
            RecordLayout.of(PpttTable.ProcessorHierarchy.class, PROCESSOR, "length", "privateResources");

    /** {@link #CACHE} bound to its record; the length is the framing's. */
    public static final RecordLayout<PpttTable.Cache> CACHE_RECORD =
            RecordLayout.of(PpttTable.Cache.class, CACHE, "length");

    /** {@link #ID} bound to its record; the length is the framing's. */
    public static final RecordLayout<PpttTable.IdStructure> ID_RECORD =
            RecordLayout.of(PpttTable.IdStructure.class, ID, "length");

    /** Size of a cache structure before revision 3 added the cache ID. */
    public static final int CACHE_V1_SIZE = 24;

    @Override
    public String signature() {
        return "PPTT";
    }

    @Override
    public PpttTable decode(DecodeContext ctx) {
        List<Subtable> subs =
                ctx.subtables(SubtableFormat.TYPE8_LENGTH8, TableHeader.SIZE, ctx.end(), "PPTT.structure");
        List<Node> nodes = new ArrayList<>();
        for (Subtable sub : subs) {
            nodes.add(
                    switch (sub.type()) {
                        case PpttTable.PROCESSOR -> processor(ctx, sub);
                        case PpttTable.CACHE -> cache(ctx, sub);
                        case PpttTable.ID -> id(ctx, sub);
                        default -> {
                            ctx.warning(
                                    sub.offset(),
                                    "%s: unknown structure type %d (length %d) skipped",
                                    sub.path(),
                                    sub.type(),
                                    sub.length());
                            yield new PpttTable.UnknownNode(sub.offset(), sub.type(), sub.length());
                        }
                    });
        }
        checkReferences(ctx, nodes, subs);
        return new PpttTable(ctx.header(), nodes);
    }

    private static Node processor(DecodeContext ctx, Subtable sub) {
        Struct s = ctx.read(PROCESSOR, sub);
        ctx.checkReserved(s);
        long count = s.value("privateResourceCount");
        long fits = Math.max(0, (sub.length() - PROCESSOR.size()) / 4);
        if (count > fits) {
            ctx.error(
                    s.offsetOf("privateResourceCount"),
                    "%s: %d private resources declared, only %d fit in the" + " structure of length %d",
                    sub.path(),
                    count,
                    fits,
                    sub.length());
        }
        List<Long> resources = new ArrayList<>();
        for (long r : ctx.array(
                sub.offset() + PROCESSOR.size(), (int) Math.min(count, fits), 4, sub.path() + ".privateResources")) {
            resources.add(r);
        }
        return PROCESSOR_RECORD.read(s, sub.length(), resources);
    }

    private static Node cache(DecodeContext ctx, Subtable sub) {
        Struct s;
        if (sub.length() < CACHE.size()) {
            if (sub.length() < CACHE_V1_SIZE) {
                ctx.error(
                        sub.offset(),
                        "%s: length %d is less than the %d bytes of a cache structure",
                        sub.path(),
                        sub.length(),
                        CACHE_V1_SIZE);
            } else if (ctx.revision() >= 3) {
                ctx.warning(
                        sub.offset() + 1L,
                        "%s: length %d in a revision %d table, whose cache structures are"
                                + " %d bytes (with the cache ID)",
                        sub.path(),
                        sub.length(),
                        ctx.revision(),
                        CACHE.size());
            }
            s = ctx.readUpTo(CACHE, sub.offset(), sub.length(), sub.path());
        } else {
            s = ctx.read(CACHE, sub);
        }
        ctx.checkReserved(s);
        return CACHE_RECORD.read(s, sub.length());
    }

    private static Node id(DecodeContext ctx, Subtable sub) {
        Struct s = ctx.read(ID, sub);
        ctx.checkReserved(s);
        return ID_RECORD.read(s, sub.length());
    }

    private static void checkReferences(DecodeContext ctx, List<Node> nodes, List<Subtable> subs) {
        List<Integer> offsets = new ArrayList<>();
        nodes.forEach(n -> offsets.add(n.offset()));
        ReferenceGraph graph = new ReferenceGraph(offsets);
        for (int i = 0; i < nodes.size(); i++) {
            String path = subs.get(i).path();
            Node n = nodes.get(i);
            if (n instanceof PpttTable.ProcessorHierarchy p) {
                if (p.parent() != 0) {
                    int target = reference(
                            ctx,
                            graph,
                            nodes,
                            p.parent(),
                            n.offset() + 8L,
                            path + ".parent",
                            PpttTable.ProcessorHierarchy.class,
                            "a processor hierarchy node");
                    if (target >= 0) {
                        graph.addEdge(i, target);
                    }
                }
                for (int r = 0; r < p.privateResources().size(); r++) {
                    long at = n.offset() + PROCESSOR.size() + 4L * r;
                    int target = graph.indexAt(p.privateResources().get(r));
                    if (target < 0) {
                        ctx.error(
                                at,
                                "%s.privateResources[%d]: reference 0x%X is not the start of any structure",
                                path,
                                r,
                                p.privateResources().get(r));
                    } else if (nodes.get(target) instanceof PpttTable.ProcessorHierarchy) {
                        ctx.error(
                                at,
                                "%s.privateResources[%d]: reference 0x%X is a processor hierarchy node, not"
                                        + " a cache or ID structure",
                                path,
                                r,
                                p.privateResources().get(r));
                    }
                }
            } else if (n instanceof PpttTable.Cache c && c.nextLevelOfCache() != 0) {
                int target = reference(
                        ctx,
                        graph,
                        nodes,
                        c.nextLevelOfCache(),
                        n.offset() + 8L,
                        path + ".nextLevelOfCache",
                        PpttTable.Cache.class,
                        "a cache structure");
                if (target >= 0) {
                    graph.addEdge(i, target);
                }
            }
        }
        for (List<Integer> cycle : graph.cycles()) {
            StringBuilder walk = new StringBuilder();
            for (int index : cycle) {
                walk.append(walk.length() == 0 ? "" : " -> ")
                        .append("0x")
                        .append(Integer.toHexString(offsets.get(index)).toUpperCase(Locale.ROOT));
            }
            boolean cache = nodes.get(cycle.get(0)) instanceof PpttTable.Cache;
            ctx.error(
                    offsets.get(cycle.get(0)),
                    "%s: its %s chain leads back to itself: %s",
                    subs.get(cycle.get(0)).path(),
                    cache ? "next-level-of-cache" : "parent",
                    walk);
        }
    }

    private static int reference(
            DecodeContext ctx,
            ReferenceGraph graph,
            List<Node> nodes,
            long reference,
            long fieldAt,
            String path,
            Class<? extends Node> type,
            String what) {
        int target = graph.indexAt(reference);
        if (target < 0) {
            ctx.error(fieldAt, "%s: reference 0x%X is not the start of any structure", path, reference);
            return -1;
        }
        if (!type.isInstance(nodes.get(target))) {
            ctx.error(fieldAt, "%s: reference 0x%X is not %s", path, reference, what);
            return -1;
        }
        return target;
    }
}
