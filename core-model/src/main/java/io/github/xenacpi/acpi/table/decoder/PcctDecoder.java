package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.PcctTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.AddressRange;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Field;
import io.github.xenacpi.acpi.table.layout.FieldType;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.ReservedBits;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.Subtable;
import io.github.xenacpi.acpi.table.layout.SubtableFormat;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes PCCT: each subspace's shared memory becomes a {@link RegionKind#PCC_SHARED_MEMORY} region, its doorbell a
 * {@link RegionKind#PCC_DOORBELL} and its other registers {@link RegionKind#PCC_REGISTER} regions.
 */
public final class PcctDecoder implements TableDecoder<PcctTable> {

    /** The body after the standard header. */
    public static final Layout BODY =
            Layout.of("PCCT body").u32("flags").reserved(8).build();

    /** Offset of the first subspace. */
    public static final int SUBSPACES = TableHeader.SIZE + 12;

    /** Type 0, generic subspace. */
    public static final Layout GENERIC = Layout.of("PCC generic subspace")
            .u8("type")
            .u8("length")
            .reserved(6)
            .u64("baseAddress")
            .u64("memoryLength")
            .gas("doorbell")
            .u64("doorbellPreserve")
            .u64("doorbellWrite")
            .u32("nominalLatency")
            .u32("maxPeriodicAccessRate")
            .u16("minTurnaroundTime")
            .build();

    /** Type 1, HW-reduced subspace. */
    public static final Layout HW_REDUCED = Layout.of("PCC HW-reduced subspace")
            .u8("type")
            .u8("length")
            .u32("platformInterrupt")
            .u8("interruptFlags")
            .reserved(1)
            .u64("baseAddress")
            .u64("memoryLength")
            .gas("doorbell")
            .u64("doorbellPreserve")
            .u64("doorbellWrite")
            .u32("nominalLatency")
            .u32("maxPeriodicAccessRate")
            .u16("minTurnaroundTime")
            .build();

    /** Type 2, HW-reduced subspace with the platform interrupt acknowledge register. */
    public static final Layout HW_REDUCED_2 = HW_REDUCED
            .extend("PCC HW-reduced subspace type 2")
            .gas("ackRegister")
            .u64("ackPreserve")
            .u64("ackWrite")
            .build();

    /** Types 3 and 4, extended PCC subspaces. */
    public static final Layout EXTENDED = Layout.of("PCC extended subspace")
            .u8("type")
            .u8("length")
            .u32("platformInterrupt")
            .u8("interruptFlags")
            .reserved(1)
            .u64("baseAddress")
            .u32("memoryLength")
            .gas("doorbell")
            .u64("doorbellPreserve")
            .u64("doorbellWrite")
            .u32("nominalLatency")
            .u32("maxPeriodicAccessRate")
            .u32("minTurnaroundTime")
            .gas("ackRegister")
            .u64("ackPreserve")
            .u64("ackWrite")
            .reserved(8)
            .gas("commandCompleteCheck")
            .u64("commandCompleteMask")
            .gas("commandCompleteUpdate")
            .u64("commandCompleteUpdatePreserve")
            .u64("commandCompleteUpdateWrite")
            .gas("errorStatus")
            .u64("errorStatusMask")
            .build();

    /** Type 5, HW registers based subspace. */
    public static final Layout HW_REGISTERS = Layout.of("PCC HW registers subspace")
            .u8("type")
            .u8("length")
            .u16("version")
            .u64("baseAddress")
            .u64("memoryLength")
            .gas("doorbell")
            .u64("doorbellPreserve")
            .u64("doorbellWrite")
            .gas("commandCompleteCheck")
            .u64("commandCompleteMask")
            .gas("errorStatus")
            .u64("errorStatusMask")
            .u32("nominalLatency")
            .u32("minTurnaroundTime")
            .build();

    /** Type 0 bound to its record. */
    public static final RecordLayout<PcctTable.Generic> GENERIC_RECORD =
            subspace(PcctTable.Generic.class, GENERIC).build();

    /** Type 1 bound to its record; a type 1 subspace has no acknowledge register ({@code interruptAck} null). */
    public static final RecordLayout<PcctTable.HwReduced> HW_REDUCED_RECORD = subspace(
                    PcctTable.HwReduced.class, HW_REDUCED)
            .nested("interrupt", "platformInterrupt", "interruptFlags")
            .supplied("interruptAck")
            .build();

    /** Type 2 bound to its record. */
    public static final RecordLayout<PcctTable.HwReduced> HW_REDUCED_2_RECORD = subspace(
                    PcctTable.HwReduced.class, HW_REDUCED_2)
            .nested("interrupt", "platformInterrupt", "interruptFlags")
            .nested("interruptAck", "ackRegister", "ackPreserve", "ackWrite")
            .build();

    /** Types 3 and 4 bound to their record. */
    public static final RecordLayout<PcctTable.Extended> EXTENDED_RECORD = subspace(PcctTable.Extended.class, EXTENDED)
            .nested("interrupt", "platformInterrupt", "interruptFlags")
            .nested("interruptAck", "ackRegister", "ackPreserve", "ackWrite")
            .nested("commandCompleteCheck", "commandCompleteCheck", "commandCompleteMask")
            .nested(
                    "commandCompleteUpdate",
                    "commandCompleteUpdate",
                    "commandCompleteUpdatePreserve",
                    "commandCompleteUpdateWrite")
            .nested("errorStatus", "errorStatus", "errorStatusMask")
            .build();

    /** Type 5 bound to its record. */
    public static final RecordLayout<PcctTable.HwRegisters> HW_REGISTERS_RECORD = subspace(
                    PcctTable.HwRegisters.class, HW_REGISTERS)
            .nested("commandCompleteCheck", "commandCompleteCheck", "commandCompleteMask")
            .nested("errorStatus", "errorStatus", "errorStatusMask")
            .build();

    /** Platform interrupt flags bit 0 (polarity) and bit 1 (mode); the others are reserved. */
    static final int INTERRUPT_FLAG_BITS = 0x3;

    /** A PCC channel is addressed by an 8-bit index (the PCC GAS's access size field). */
    static final int MAX_SUBSPACES = 256;

    /** What every subspace's binding shares: its shared memory's {@code length} and its doorbell. */
    private static <R extends Record> RecordLayout.Binder<R> subspace(Class<R> type, Layout layout) {
        return RecordLayout.binder(type, layout)
                .reader(GenericAddress.class, GenericAddress::read)
                .field("length", "memoryLength")
                .nested("doorbell", "doorbell", "doorbellPreserve", "doorbellWrite");
    }

    @Override
    public String signature() {
        return "PCCT";
    }

    @Override
    public PcctTable decode(DecodeContext ctx) {
        Struct body = ctx.read(BODY, TableHeader.SIZE, "PCCT");
        List<PcctTable.Subspace> out = new ArrayList<>();
        long flags = body.value("flags");
        if (!body.isComplete()) {
            return new PcctTable(ctx.header(), flags, out);
        }
        ctx.checkReserved(body);
        ReservedBits.check(ctx, body.offsetOf("flags"), "PCCT", "flags", flags, PcctTable.FLAG_PLATFORM_INTERRUPT);
        for (Subtable sub : ctx.subtables(SubtableFormat.TYPE8_LENGTH8, SUBSPACES, ctx.end(), "PCCT.subspace")) {
            out.add(subspace(ctx, sub));
        }
        if ((flags & PcctTable.FLAG_PLATFORM_INTERRUPT) == 0 && out.stream().anyMatch(x -> x.type() == 4)) {
            ctx.error(
                    body.offsetOf("flags"),
                    "PCCT: a slave subspace (type 4) is present, so the platform" + " interrupt flag must be set");
        }
        if (out.size() > MAX_SUBSPACES) {
            ctx.error(
                    SUBSPACES,
                    "PCCT: %d subspaces, but a PCC channel index is 8 bits (at most %d)",
                    out.size(),
                    MAX_SUBSPACES);
        }
        return new PcctTable(ctx.header(), flags, out);
    }

    private static PcctTable.Subspace subspace(DecodeContext ctx, Subtable sub) {
        RecordLayout<? extends PcctTable.Subspace> bound = switch (sub.type()) {
            case 0 -> GENERIC_RECORD;
            case 1 -> HW_REDUCED_RECORD;
            case 2 -> HW_REDUCED_2_RECORD;
            case 3, 4 -> EXTENDED_RECORD;
            case 5 -> HW_REGISTERS_RECORD;
            default -> null;
        };
        if (bound == null) {
            ctx.warning(
                    sub.offset(),
                    "%s: subspace type %d is not defined by ACPI 6.5 (0 to 5); skipped",
                    sub.path(),
                    sub.type());
            return new PcctTable.Unknown(sub.type(), sub.length());
        }
        Layout layout = bound.layout();
        Struct s = ctx.read(layout, sub);
        if (sub.length() > layout.size()) {
            ctx.warning(
                    sub.offset() + 1L,
                    "%s: length %d is more than the %d bytes of %s",
                    sub.path(),
                    sub.length(),
                    layout.size(),
                    layout.name());
        }
        ctx.checkReserved(s);
        // acpi_pcc_probe/pcc_chan_reg_init (pcc_init, postcore): the doorbell and the other registers are mapped
        // with acpi_os_ioremap(address, bit_width / 8); the shared memory is mapped by the channel's client.
        long base = s.value("baseAddress");
        long length = s.value("memoryLength");
        if (base != 0
                && AddressRange.fits(ctx, base, length, s.offsetOf("memoryLength"), sub.path() + ".memoryLength")) {
            ctx.region(
                    RegionKind.PCC_SHARED_MEMORY,
                    AddressSpace.SYSTEM_MEMORY,
                    base,
                    length,
                    s.offsetOf("baseAddress"),
                    sub.path() + ".baseAddress");
        } else if (base == 0 && s.has("baseAddress")) {
            ctx.error(s.offsetOf("baseAddress"), "%s: shared memory base address is 0", sub.path());
        }
        register(ctx, s, sub, "doorbell", RegionKind.PCC_DOORBELL);
        if (layout.hasField("interruptFlags")) {
            ReservedBits.check(
                    ctx,
                    s.offsetOf("interruptFlags"),
                    sub.path(),
                    "platform interrupt flags",
                    s.intValue("interruptFlags"),
                    INTERRUPT_FLAG_BITS);
        }
        // The acknowledge, command complete and error status registers, in the layout's order.
        for (Field f : layout.fields()) {
            if (f.type() == FieldType.GAS && !f.name().equals("doorbell")) {
                register(ctx, s, sub, f.name(), RegionKind.PCC_REGISTER);
            }
        }
        return sub.type() == 1 ? HW_REDUCED_RECORD.read(s, (Object) null) : bound.read(s);
    }

    private static void register(DecodeContext ctx, Struct s, Subtable sub, String field, RegionKind kind) {
        GenericAddress g = GenericAddress.read(s, field);
        if (s.has(field) && g.address() != 0) {
            GasRegisters.region(ctx, kind, g, s.offsetOf(field), sub.path() + "." + field);
        }
    }
}
