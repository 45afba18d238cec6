package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.ApeiInstruction;
import io.github.xenacpi.acpi.table.ErstTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/** Decodes ERST; each distinct register of its instructions yields a {@link RegionKind#ERST_REGISTER} region. */
public final class ErstDecoder implements TableDecoder<ErstTable> {

    /** The serialization header after the standard header. */
    public static final Layout BODY = Layout.of("ERST body")
            .u32("headerLength")
            .reserved(4)
            .u32("entryCount")
            .build();

    /** The last serialization action (GET_EXECUTE_OPERATION_TIMINGS, ACPI 6.5 table 18.23). */
    static final int LAST_ACTION = 0x10;
    /** The last serialization instruction (MOVE_DATA, ACPI 6.5 table 18.24). */
    static final int LAST_INSTRUCTION = 0x12;

    /** {@link #BODY} bound to the table's record; the instruction entries that follow are the decoder's. */
    public static final RecordLayout<ErstTable> TABLE_RECORD =
            RecordLayout.of(ErstTable.class, BODY, "header", "entries");

    @Override
    public String signature() {
        return "ERST";
    }

    @Override
    public ErstTable decode(DecodeContext ctx) {
        Struct body = ctx.read(BODY, TableHeader.SIZE, "ERST");
        ErstTable fields = TABLE_RECORD.read(body, ctx.header(), List.of());
        if (!body.isComplete()) {
            return fields;
        }
        ctx.checkReserved(body);
        ApeiInstructions.checkHeaderLength(ctx, "ERST", fields.headerLength());
        // erst_init: apei_exec_pre_map_gars maps every register of the action table (device_initcall).
        List<ApeiInstruction> entries = ApeiInstructions.decode(
                ctx,
                "ERST",
                fields.entryCount(),
                body.offsetOf("entryCount"),
                action -> action <= LAST_ACTION,
                LAST_INSTRUCTION,
                RegionKind.ERST_REGISTER);
        return TABLE_RECORD.read(body, ctx.header(), entries);
    }
}
