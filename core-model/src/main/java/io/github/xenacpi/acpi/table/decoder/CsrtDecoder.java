package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.table.CsrtTable;
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
 * Decodes CSRT generically: resource groups, their shared information bytes and their resource descriptors. It
 * records no regions: the CSRT specification fixes no address field (shared information and descriptor data are
 * vendor-defined; Linux's acpi_dma_parse_csrt reads only DMA request-line ranges and maps nothing).
 */
public final class CsrtDecoder implements TableDecoder<CsrtTable> {

    /** The fixed part of a resource group; {@code sharedInfoLength} bytes of shared information follow. */
    public static final Layout GROUP = Layout.of("CSRT resource group")
            .u32("length")
            .u32("vendorId")
            .u32("subvendorId")
            .u16("deviceId")
            .u16("subdeviceId")
            .u16("revision")
            .reserved(2)
            .u32("sharedInfoLength")
            .build();

    /** The fixed part of a resource descriptor; vendor-defined data fills the rest of its length. */
    public static final Layout DESCRIPTOR = Layout.of("CSRT resource descriptor")
            .u32("length")
            .u16("type")
            .u16("subtype")
            .u32("uid")
            .build();

    /** {@link #GROUP} bound to its record; its length, shared information and descriptors are the decoder's. */
    public static final RecordLayout<CsrtTable.ResourceGroup> GROUP_RECORD =
            RecordLayout.of(CsrtTable.ResourceGroup.class, GROUP, "length", "sharedInfo", "descriptors");

    /** {@link #DESCRIPTOR} bound to its record; its length and vendor data are the decoder's. */
    public static final RecordLayout<CsrtTable.ResourceDescriptor> DESCRIPTOR_RECORD =
            RecordLayout.of(CsrtTable.ResourceDescriptor.class, DESCRIPTOR, "length", "data");

    @Override
    public String signature() {
        return "CSRT";
    }

    @Override
    public CsrtTable decode(DecodeContext ctx) {
        List<CsrtTable.ResourceGroup> groups = new ArrayList<>();
        for (Subtable sub : ctx.subtables(
                SubtableFormat.LENGTH32.withMinLength(GROUP.size()), TableHeader.SIZE, ctx.end(), "CSRT.group")) {
            groups.add(group(ctx, sub));
        }
        return new CsrtTable(ctx.header(), groups);
    }

    private static CsrtTable.ResourceGroup group(DecodeContext ctx, Subtable sub) {
        Struct g = ctx.read(GROUP, sub);
        ctx.checkReserved(g);
        long shared = g.value("sharedInfoLength");
        long room = (long) sub.length() - GROUP.size();
        if (shared > room) {
            ctx.error(
                    g.offsetOf("sharedInfoLength"),
                    "%s: shared information length %d overruns the group, which" + " has %d bytes after its header",
                    sub.path(),
                    shared,
                    room);
            shared = room;
        }
        int sharedAt = sub.offset() + GROUP.size();
        byte[] sharedInfo = slice(ctx, sharedAt, (int) shared);
        List<CsrtTable.ResourceDescriptor> descriptors = new ArrayList<>();
        for (Subtable d : ctx.subtables(
                SubtableFormat.LENGTH32.withMinLength(DESCRIPTOR.size()),
                sharedAt + (int) shared,
                sub.end(),
                sub.path() + ".descriptor")) {
            Struct s = ctx.read(DESCRIPTOR, d);
            descriptors.add(DESCRIPTOR_RECORD.read(
                    s,
                    d.length(),
                    new CsrtTable.Bytes(slice(ctx, d.offset() + DESCRIPTOR.size(), d.length() - DESCRIPTOR.size()))));
        }
        return GROUP_RECORD.read(g, sub.length(), new CsrtTable.Bytes(sharedInfo), descriptors);
    }

    /** The bytes at a table offset, clamped to the table. */
    private static byte[] slice(DecodeContext ctx, int offset, int length) {
        return ctx.bytes(offset, Math.max(0, Math.min(length, ctx.end() - offset)), "CSRT bytes");
    }
}
