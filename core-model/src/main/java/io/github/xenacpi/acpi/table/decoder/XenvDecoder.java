package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.XenvTable;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableChecks;
import io.github.xenacpi.acpi.table.layout.TableHeader;

/** Decodes XENV. It records no region: see {@link XenvTable}. */
public final class XenvDecoder implements TableDecoder<XenvTable> {

    /** The table body after the header. */
    public static final Layout BODY = Layout.of("XENV body")
            .u64("grantTableBase")
            .u64("grantTableSize")
            .u32("eventInterrupt")
            .u8("eventFlags")
            .build();

    /** {@link #BODY} bound to the table's record: the decoder reads and the builder writes through it. */
    public static final RecordLayout<XenvTable> RECORD = RecordLayout.of(XenvTable.class, BODY, "header");

    @Override
    public String signature() {
        return "XENV";
    }

    @Override
    public XenvTable decode(DecodeContext ctx) {
        if (ctx.revision() != 1) {
            ctx.warning(8, "XENV: revision %d, expected 1", ctx.revision());
        }
        Struct s = ctx.read(BODY, TableHeader.SIZE, "XENV");
        XenvTable t = RECORD.read(s, ctx.header());
        if (s.has("eventFlags") && (t.eventFlags() & ~3) != 0) {
            ctx.warning(
                    s.offsetOf("eventFlags"),
                    "XENV: reserved event flag bits 2-7 are set (flags 0x%02X)",
                    t.eventFlags());
        }
        if (s.has("grantTableSize") && t.grantTableBase() != 0 && t.grantTableSize() == 0) {
            ctx.warning(s.offsetOf("grantTableSize"), "XENV: grant table at 0x%X has size 0", t.grantTableBase());
        }
        TableChecks.trailing(ctx, TableHeader.SIZE + BODY.size());
        return t;
    }
}
