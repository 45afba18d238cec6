package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.ApeiInstruction;
import io.github.xenacpi.acpi.table.EinjTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/** Decodes EINJ; each distinct register of its instructions yields a {@link RegionKind#EINJ_REGISTER} region. */
public final class EinjDecoder implements TableDecoder<EinjTable> {

    /** The injection header after the standard header. */
    public static final Layout BODY = Layout.of("EINJ body")
            .u32("headerLength")
            .u8("flags")
            .reserved(3)
            .u32("entryCount")
            .build();

    /**
     * The last injection action (GET_EXECUTE_OPERATION_TIMINGS, ACPI 6.5 table 18.26); TRIGGER_ERROR (0xFF) belongs
     * to the trigger action table that GET_TRIGGER_ERROR_ACTION_TABLE returns, never to EINJ itself.
     */
    static final int LAST_ACTION = 0x09;
    /** The last injection instruction (NOOP, ACPI 6.5 table 18.28). */
    static final int LAST_INSTRUCTION = 0x04;

    /** {@link #BODY} bound to the table's record; the instruction entries that follow are the decoder's. */
    public static final RecordLayout<EinjTable> TABLE_RECORD =
            RecordLayout.of(EinjTable.class, BODY, "header", "entries");

    @Override
    public String signature() {
        return "EINJ";
    }

    @Override
    public EinjTable decode(DecodeContext ctx) {
        Struct body = ctx.read(BODY, TableHeader.SIZE, "EINJ");
        EinjTable fields = TABLE_RECORD.read(body, ctx.header(), List.of());
        if (!body.isComplete()) {
            return fields;
        }
        ctx.checkReserved(body);
        ApeiInstructions.checkHeaderLength(ctx, "EINJ", fields.headerLength());
        if (fields.flags() != 0) {
            ctx.warning(
                    body.offsetOf("flags"),
                    "EINJ: injection flags 0x%X are not zero; ACPI 6.5 defines no flag",
                    fields.flags());
        }
        // einj_init: apei_exec_pre_map_gars maps every register of the injection action table.
        List<ApeiInstruction> entries = ApeiInstructions.decode(
                ctx,
                "EINJ",
                fields.entryCount(),
                body.offsetOf("entryCount"),
                action -> action <= LAST_ACTION,
                LAST_INSTRUCTION,
                RegionKind.EINJ_REGISTER);
        return TABLE_RECORD.read(body, ctx.header(), entries);
    }
}
