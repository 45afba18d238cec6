package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.FpdtTable;
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
 * Decodes FPDT. Each FBPT or S3PT pointer record yields a {@link RegionKind#FIRMWARE_PERFORMANCE_RECORD} region at
 * the pointed-to table's base, with length 0: its length is only known from its own header, and the 8 header
 * bytes Linux's {@code fpdt_process_subtable} maps first are the consumer's extent ({@code platform.RegionExtents}).
 */
public final class FpdtDecoder implements TableDecoder<FpdtTable> {

    /** Every performance record's header: type, length and revision. */
    public static final Layout RECORD_HEADER = Layout.of("FPDT record header")
            .u16("type")
            .u8("length")
            .u8("revision")
            .build();

    /** The FBPT and S3PT pointer records. */
    public static final Layout POINTER_RECORD = RECORD_HEADER
            .extend("FPDT pointer record")
            .reserved(4)
            .u64("address")
            .build();

    /**
     * {@link #RECORD_HEADER} bound to the record of any performance record; the decoder supplies the usable length
     * (the length field cut at the table's end) and the pointer ({@link #POINTER_RECORD}'s {@code address}, 0 for
     * other types).
     */
    public static final RecordLayout<FpdtTable.PerformanceRecord> RECORD =
            RecordLayout.of(FpdtTable.PerformanceRecord.class, RECORD_HEADER, "length", "pointer");

    private static final SubtableFormat FORMAT = SubtableFormat.TYPE16_LENGTH8.withMinLength(RECORD_HEADER.size());

    @Override
    public String signature() {
        return "FPDT";
    }

    @Override
    public FpdtTable decode(DecodeContext ctx) {
        List<FpdtTable.PerformanceRecord> out = new ArrayList<>();
        int[] seen = new int[2];
        for (Subtable sub : ctx.subtables(FORMAT, TableHeader.SIZE, ctx.end(), "FPDT.record")) {
            Struct h = ctx.read(RECORD_HEADER, sub);
            FpdtTable.PerformanceRecord header = RECORD.read(h, sub.length(), 0L);
            int type = header.type();
            if (!header.isPointer()) {
                out.add(header);
                continue;
            }
            seen[type]++;
            String name = type == FpdtTable.FBPT_POINTER ? "FBPT" : "S3PT";
            Struct s = ctx.read(POINTER_RECORD, sub);
            if (sub.length() != POINTER_RECORD.size()) {
                ctx.error(
                        sub.offset() + 2,
                        "%s: %s pointer record length is %d, expected %d",
                        sub.path(),
                        name,
                        sub.length(),
                        POINTER_RECORD.size());
            }
            if (header.revision() != 1) {
                ctx.warning(
                        sub.offset() + 3,
                        "%s: %s pointer record revision is %d, expected 1",
                        sub.path(),
                        name,
                        header.revision());
            }
            ctx.checkReserved(s);
            long address = s.value("address");
            out.add(RECORD.read(h, sub.length(), address));
            if (!s.has("address")) {
                continue;
            }
            if (address == 0) {
                ctx.warning(s.offsetOf("address"), "%s: %s pointer is zero", sub.path(), name);
            } else {
                // The pointed-to table's base; its length is in that table's own header.
                ctx.region(
                        RegionKind.FIRMWARE_PERFORMANCE_RECORD,
                        AddressSpace.SYSTEM_MEMORY,
                        address,
                        0,
                        s.offsetOf("address"),
                        sub.path() + ".address");
            }
        }
        if (seen[FpdtTable.FBPT_POINTER] == 0) {
            ctx.warning(TableHeader.SIZE, "FPDT: no FBPT pointer record, the specification requires one");
        } else if (seen[FpdtTable.FBPT_POINTER] > 1) {
            ctx.warning(TableHeader.SIZE, "FPDT: %d FBPT pointer records, expected one", seen[0]);
        }
        if (seen[FpdtTable.S3PT_POINTER] > 1) {
            ctx.warning(TableHeader.SIZE, "FPDT: %d S3PT pointer records, expected at most one", seen[1]);
        }
        return new FpdtTable(ctx.header(), out);
    }
}
