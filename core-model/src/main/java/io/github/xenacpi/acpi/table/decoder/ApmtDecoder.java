package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.ApmtTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.Subtable;
import io.github.xenacpi.acpi.table.layout.SubtableFormat;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes APMT. Each node yields an {@link RegionKind#APMT_PAGE} region of 4 KiB for page 0 and, when the node
 * is dual-page, another for page 1. iasl 20200925 does not know this table.
 */
public final class ApmtDecoder implements TableDecoder<ApmtTable> {

    /** Bytes of one PMU register page. */
    public static final long PAGE = 4096;

    /** One PMU node. */
    public static final Layout NODE = Layout.of("APMT node")
            .u16("length")
            .u8("flags")
            .u8("nodeType")
            .u32("identifier")
            .u64("primaryInstance")
            .u32("secondaryInstance")
            .u64("baseAddress0")
            .u64("baseAddress1")
            .u32("overflowInterrupt")
            .reserved(4)
            .u32("overflowInterruptFlags")
            .u32("processorAffinity")
            .u32("implementationId")
            .build();

    /** {@link #NODE} bound to its record: the decoder reads and the builder writes through it. */
    public static final RecordLayout<ApmtTable.Node> NODE_RECORD = RecordLayout.of(ApmtTable.Node.class, NODE);

    @Override
    public String signature() {
        return "APMT";
    }

    @Override
    public ApmtTable decode(DecodeContext ctx) {
        List<ApmtTable.Node> out = new ArrayList<>();
        for (Subtable sub : ctx.subtables(SubtableFormat.LENGTH16, TableHeader.SIZE, ctx.end(), "APMT.node")) {
            Struct s = ctx.read(NODE, sub);
            if (sub.length() > NODE.size()) {
                ctx.warning(sub.offset(), "%s: length %d, expected %d", sub.path(), sub.length(), NODE.size());
            }
            ctx.checkReserved(s);
            ApmtTable.Node n = NODE_RECORD.read(s);
            out.add(n);
            if (!s.isComplete()) {
                continue;
            }
            if ((n.flags() & ~7) != 0) {
                ctx.warning(
                        s.offsetOf("flags"),
                        "%s: reserved flag bits 3-7 are set (flags 0x%02X)",
                        sub.path(),
                        n.flags());
            }
            if (n.nodeType() > 4) {
                ctx.warning(s.offsetOf("nodeType"), "%s: node type %d is reserved", sub.path(), n.nodeType());
            }
            // apmt_init_resources: page 0 and, for dual-page PMUs, page 1, 4 KiB each.
            if (n.baseAddress0() == 0) {
                ctx.error(s.offsetOf("baseAddress0"), "%s: page 0 base address is zero", sub.path());
            } else {
                ctx.region(
                        RegionKind.APMT_PAGE,
                        AddressSpace.SYSTEM_MEMORY,
                        n.baseAddress0(),
                        PAGE,
                        s.offsetOf("baseAddress0"),
                        sub.path() + ".baseAddress0");
            }
            if (n.dualPage()) {
                if (n.baseAddress1() == 0) {
                    ctx.error(
                            s.offsetOf("baseAddress1"),
                            "%s: dual-page node with a zero page 1 base address",
                            sub.path());
                } else {
                    ctx.region(
                            RegionKind.APMT_PAGE,
                            AddressSpace.SYSTEM_MEMORY,
                            n.baseAddress1(),
                            PAGE,
                            s.offsetOf("baseAddress1"),
                            sub.path() + ".baseAddress1");
                }
            }
        }
        return new ApmtTable(ctx.header(), out);
    }
}
