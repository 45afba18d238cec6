package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.Tpm2Table;
import io.github.xenacpi.acpi.table.TpmStartMethod;
import io.github.xenacpi.acpi.table.layout.AddressRange;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Decodes TPM2: the CRB control area becomes a {@link RegionKind#TPM_CRB} region, the mailbox registers of start
 * method 13 too, and the event log area a {@link RegionKind#TPM_EVENT_LOG} region.
 */
public final class Tpm2Decoder implements TableDecoder<Tpm2Table> {

    /** The fixed body after the standard header (offset 36). */
    public static final Layout BODY = Layout.of("TPM2 body")
            .u16("platformClass")
            .reserved(2)
            .u64("controlAddress")
            .u32("startMethod")
            .build();

    /** Start method 11 parameters (Arm SMC/HVC). */
    public static final Layout ARM_SMC = Layout.of("TPM2 Arm SMC parameters")
            .u32("interrupt")
            .u8("interruptFlags")
            .u8("operationFlags")
            .u8("attributes")
            .reserved(1)
            .u32("functionId")
            .build();

    /** Start method 15 parameters (Arm FF-A). */
    public static final Layout FFA = Layout.of("TPM2 FF-A parameters")
            .u8("flags")
            .u8("attributes")
            .u16("partitionId")
            .reserved(8)
            .build();

    /** Start method 13 parameters (mailbox start and reply registers). */
    public static final Layout MAILBOX = Layout.of("TPM2 mailbox parameters")
            .u64("startAddress")
            .u64("replyAddress")
            .build();

    /** The log area fields (LAML, LASA) after the parameters. */
    public static final Layout LOG_AREA =
            Layout.of("TPM2 log area").u32("minimumLength").u64("startAddress").build();

    /**
     * {@link #BODY} bound to the table's record; the decoder supplies the header, the start method code (the
     * field {@code startMethod}), the parameters and the log area.
     */
    public static final RecordLayout<Tpm2Table> BODY_RECORD =
            RecordLayout.of(Tpm2Table.class, BODY, "header", "startMethodCode", "parameters", "logArea");
    /** {@link #ARM_SMC} bound to its record: the decoder reads and the builder writes through it. */
    public static final RecordLayout<Tpm2Table.ArmSmc> ARM_SMC_RECORD =
            RecordLayout.of(Tpm2Table.ArmSmc.class, ARM_SMC);
    /** {@link #FFA} bound to its record. */
    public static final RecordLayout<Tpm2Table.Ffa> FFA_RECORD = RecordLayout.of(Tpm2Table.Ffa.class, FFA);
    /** {@link #MAILBOX} bound to its record. */
    public static final RecordLayout<Tpm2Table.Mailbox> MAILBOX_RECORD =
            RecordLayout.of(Tpm2Table.Mailbox.class, MAILBOX);
    /** {@link #LOG_AREA} bound to its record. */
    public static final RecordLayout<Tpm2Table.LogArea> LOG_AREA_RECORD =
            RecordLayout.of(Tpm2Table.LogArea.class, LOG_AREA);

    /** Offset of the start-method-specific parameters. */
    public static final int PARAMETERS = TableHeader.SIZE + 16;

    /** Bytes of the parameter field up to revision 4; revision 5 widened it to 16. */
    static final int PARAMETERS_REV4 = 12;

    static final int PARAMETERS_REV5 = 16;

    @Override
    public String signature() {
        return "TPM2";
    }

    /** Bytes of the start-method parameter field for a table revision. */
    public static int parameterBytes(int revision) {
        return revision >= 5 ? PARAMETERS_REV5 : PARAMETERS_REV4;
    }

    @Override
    public Tpm2Table decode(DecodeContext ctx) {
        Struct body = ctx.read(BODY, TableHeader.SIZE, "TPM2");
        if (!body.isComplete()) {
            return BODY_RECORD.read(
                    body, ctx.header(), body.value("startMethod"), new Tpm2Table.Opaque(""), Optional.empty());
        }
        long code = body.value("startMethod");
        TpmStartMethod method = TpmStartMethod.of(code);
        int logAt = PARAMETERS + parameterBytes(ctx.revision());
        int paramsEnd = Math.min(ctx.end(), logAt);
        Tpm2Table.StartParameters params = parameters(ctx, method, paramsEnd);
        Optional<Tpm2Table.LogArea> log = logArea(ctx, logAt);
        Tpm2Table t = BODY_RECORD.read(body, ctx.header(), code, params, log);
        check(ctx, body, t, method);
        long control = t.controlAddress();
        if (control != 0 && method != TpmStartMethod.MEMORY_MAPPED) {
            // The control area's base; the table gives no length (what crb_map_io maps is the consumer's).
            ctx.region(
                    RegionKind.TPM_CRB,
                    AddressSpace.SYSTEM_MEMORY,
                    control,
                    0,
                    body.offsetOf("controlAddress"),
                    "TPM2.controlAddress");
        }
        return t;
    }

    private static void check(DecodeContext ctx, Struct body, Tpm2Table t, TpmStartMethod method) {
        int at = body.offsetOf("startMethod");
        if (method == TpmStartMethod.NOT_ALLOWED) {
            ctx.error(at, "TPM2: start method 0 means 'not set'");
        } else if (method == TpmStartMethod.RESERVED) {
            ctx.warning(
                    at, "TPM2: start method %d is not defined by the TCG ACPI specification 1.4", t.startMethodCode());
        }
        if (method.usesCrb() && t.controlAddress() == 0) {
            ctx.error(
                    body.offsetOf("controlAddress"),
                    "TPM2: start method %d (%s) needs a CRB control area, but" + " the control address is 0",
                    t.startMethodCode(),
                    method.label());
        }
        if (ctx.revision() >= 4 && t.platformClass() > 1) {
            ctx.warning(
                    body.offsetOf("platformClass"),
                    "TPM2: platform class %d is neither 0 (client) nor 1" + " (server)",
                    t.platformClass());
        }
        ctx.checkReserved(body);
    }

    private static Tpm2Table.StartParameters parameters(DecodeContext ctx, TpmStartMethod method, int paramsEnd) {
        int present = Math.max(0, paramsEnd - PARAMETERS);
        Layout layout = switch (method) {
            case CRB_WITH_ARM_SMC -> ARM_SMC;
            case CRB_WITH_FFA -> FFA;
            case CRB_WITH_MAILBOX -> MAILBOX;
            default -> null;
        };
        if (layout == null || present < layout.size()) {
            if (layout != null) {
                ctx.error(
                        PARAMETERS,
                        "TPM2: start method %s needs %d bytes of parameters, revision %d provides" + " %d",
                        method.label(),
                        layout.size(),
                        ctx.revision(),
                        present);
            }
            byte[] raw = ctx.bytes(PARAMETERS, present, "TPM2.parameters");
            return new Tpm2Table.Opaque(HexFormat.of().formatHex(raw));
        }
        Struct s = ctx.read(layout, PARAMETERS, "TPM2.parameters");
        ctx.checkReserved(s);
        return switch (method) {
            case CRB_WITH_ARM_SMC -> ARM_SMC_RECORD.read(s);
            case CRB_WITH_FFA -> FFA_RECORD.read(s);
            default -> {
                // crb_map_pluton: the start and reply registers are mapped 4 bytes each.
                mailboxRegion(ctx, s, "startAddress");
                mailboxRegion(ctx, s, "replyAddress");
                yield MAILBOX_RECORD.read(s);
            }
        };
    }

    private static void mailboxRegion(DecodeContext ctx, Struct s, String field) {
        long address = s.value(field);
        if (address != 0) {
            ctx.region(
                    RegionKind.TPM_CRB,
                    AddressSpace.SYSTEM_MEMORY,
                    address,
                    4,
                    s.offsetOf(field),
                    "TPM2.parameters." + field);
        }
    }

    private static Optional<Tpm2Table.LogArea> logArea(DecodeContext ctx, int logAt) {
        int rest = ctx.end() - logAt;
        if (rest <= 0) {
            return Optional.empty();
        }
        if (rest < LOG_AREA.size()) {
            ctx.warning(
                    logAt,
                    "TPM2: %d bytes after the start method parameters are too few for the %d-byte log" + " area fields",
                    rest,
                    LOG_AREA.size());
            return Optional.empty();
        }
        Struct s = ctx.read(LOG_AREA, logAt, "TPM2.logArea");
        if (ctx.revision() < 4) {
            // tpm_read_log_acpi reads LAML/LASA whenever the table is long enough, whatever its revision.
            ctx.info(
                    logAt,
                    "TPM2: revision %d defines no log area, but the table is long enough for one; Linux"
                            + " reads LAML/LASA at offset 0x%X",
                    ctx.revision(),
                    logAt);
        }
        if (rest > LOG_AREA.size()) {
            ctx.info(
                    logAt + LOG_AREA.size(),
                    "TPM2: %d bytes after the log area fields are not defined",
                    rest - LOG_AREA.size());
        }
        Tpm2Table.LogArea log = LOG_AREA_RECORD.read(s);
        if ((log.minimumLength() == 0) != (log.startAddress() == 0)) {
            ctx.warning(
                    s.offsetOf("startAddress"),
                    "TPM2: log area start 0x%X with minimum length %d: both or" + " neither must be set",
                    log.startAddress(),
                    log.minimumLength());
        } else if (log.startAddress() != 0
                && AddressRange.fits(
                        ctx, log.startAddress(), log.minimumLength(), s.offsetOf("minimumLength"), "TPM2.logArea")) {
            // tpm_read_log_acpi: the log is mapped from LASA for LAML bytes.
            ctx.region(
                    RegionKind.TPM_EVENT_LOG,
                    AddressSpace.SYSTEM_MEMORY,
                    log.startAddress(),
                    log.minimumLength(),
                    s.offsetOf("startAddress"),
                    "TPM2.logArea.startAddress");
        }
        return Optional.of(log);
    }
}
