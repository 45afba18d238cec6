package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.FadtTable;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the FADT (signature {@code FACP}) of any revision by its length: an ACPI 1.0 FADT of 116 bytes yields
 * the fields it has and zeros for the rest. Reports the FACS (64 bytes) and every fixed-hardware register the
 * table places: the eight register blocks (only on platforms that are not hardware-reduced), SMI_CMD, the reset
 * register and the sleep control and status registers.
 */
public final class FadtDecoder implements TableDecoder<FadtTable> {

    /** The fields after the header (at offset 36), as of ACPI 6.5 (FADT revision 6, 276 bytes in all). */
    public static final Layout LAYOUT = Layout.of("FADT")
            .u32("firmwareCtrl")
            .u32("dsdt")
            .u8("interruptModel")
            .u8("preferredPmProfile")
            .u16("sciInterrupt")
            .u32("smiCommand")
            .u8("acpiEnable")
            .u8("acpiDisable")
            .u8("s4BiosRequest")
            .u8("pstateControl")
            .u32("pm1aEventBlock")
            .u32("pm1bEventBlock")
            .u32("pm1aControlBlock")
            .u32("pm1bControlBlock")
            .u32("pm2ControlBlock")
            .u32("pmTimerBlock")
            .u32("gpe0Block")
            .u32("gpe1Block")
            .u8("pm1EventLength")
            .u8("pm1ControlLength")
            .u8("pm2ControlLength")
            .u8("pmTimerLength")
            .u8("gpe0BlockLength")
            .u8("gpe1BlockLength")
            .u8("gpe1Base")
            .u8("cstControl")
            .u16("pLevel2Latency")
            .u16("pLevel3Latency")
            .u16("flushSize")
            .u16("flushStride")
            .u8("dutyOffset")
            .u8("dutyWidth")
            .u8("dayAlarm")
            .u8("monthAlarm")
            .u8("century")
            .u16("iapcBootArch")
            .reserved(1)
            .u32("flags")
            .gas("resetRegister")
            .u8("resetValue")
            .u16("armBootArch")
            .u8("minorVersion")
            .u64("xFirmwareCtrl")
            .u64("xDsdt")
            .gas("xPm1aEventBlock")
            .gas("xPm1bEventBlock")
            .gas("xPm1aControlBlock")
            .gas("xPm1bControlBlock")
            .gas("xPm2ControlBlock")
            .gas("xPmTimerBlock")
            .gas("xGpe0Block")
            .gas("xGpe1Block")
            .gas("sleepControlRegister")
            .gas("sleepStatusRegister")
            .u64("hypervisorVendorIdentity")
            .build();

    /**
     * {@link #LAYOUT} bound to the table's record; the decoder supplies the header and the register blocks, whose
     * three fields each it reads by the names {@link FadtTable.Block} gives.
     */
    public static final RecordLayout<FadtTable> RECORD =
            GenericAddress.bind(FadtTable.class, LAYOUT, "header", "blocks");

    /** Length of an ACPI 1.0 FADT (revision 1): the smallest FADT there is. */
    public static final int ACPI1_LENGTH = 116;

    /** The FACS's fixed size (ACPI 6.5 section 5.2.10). */
    private static final long FACS_LENGTH = 64;

    @Override
    public String signature() {
        return "FACP";
    }

    /** The length a FADT of that revision has: 116 (1, 2), 244 (3, 4), 268 (5), 276 (6). */
    public static int lengthOfRevision(int revision) {
        if (revision <= 2) {
            return ACPI1_LENGTH;
        }
        if (revision <= 4) {
            return 244;
        }
        return revision == 5 ? 268 : 276;
    }

    @Override
    public FadtTable decode(DecodeContext ctx) {
        Struct s = ctx.readUpTo(LAYOUT, TableHeader.SIZE, ctx.end() - TableHeader.SIZE, "FADT");
        int expected = lengthOfRevision(ctx.revision());
        if (ctx.end() < ACPI1_LENGTH) {
            ctx.error(
                    ctx.end(),
                    "FADT: truncated: %d bytes, even an ACPI 1.0 FADT has %d; the missing fields" + " read 0",
                    ctx.end(),
                    ACPI1_LENGTH);
        } else if (ctx.end() < expected) {
            ctx.warning(
                    4,
                    "FADT: revision %d has %d bytes, this one %d; the fields past offset %d read 0",
                    ctx.revision(),
                    expected,
                    ctx.end(),
                    ctx.end());
        }
        ctx.checkReserved(s);
        Map<FadtTable.Block, FadtTable.RegisterBlock> blocks = new EnumMap<>(FadtTable.Block.class);
        for (FadtTable.Block b : FadtTable.Block.values()) {
            blocks.put(
                    b,
                    new FadtTable.RegisterBlock(
                            s.value(b.field()),
                            s.intValue(b.lengthField()),
                            GenericAddress.read(s, b.extendedField())));
        }
        FadtTable f = RECORD.read(s, ctx.header(), blocks);
        boolean reduced = f.isHardwareReduced();
        checkArmBoot(ctx, s, f.armBootArch());
        facs(ctx, s, reduced);
        pick(ctx, s, "dsdt", "xDsdt", "DSDT");
        if (f.dsdt() == 0 && f.xDsdt() == 0) {
            ctx.error(s.offsetOf("dsdt"), "FADT: neither DSDT nor X_DSDT holds an address");
        }
        fixedHardware(ctx, s, f, reduced);
        for (String register : List.of("resetRegister", "sleepControlRegister", "sleepStatusRegister")) {
            GasRegisters.fieldRegion(ctx, RegionKind.FIXED_HARDWARE_REGISTER, s, register, "FADT." + register);
        }
        return f;
    }

    private static void checkArmBoot(DecodeContext ctx, Struct s, int arm) {
        if ((arm & FadtTable.PSCI_USE_HVC) != 0 && (arm & FadtTable.PSCI_COMPLIANT) == 0) {
            ctx.warning(
                    s.offsetOf("armBootArch"),
                    "FADT: ARM boot flags 0x%X ask for PSCI over HVC without" + " PSCI_COMPLIANT",
                    arm);
        }
        if ((arm & ~(FadtTable.PSCI_COMPLIANT | FadtTable.PSCI_USE_HVC)) != 0) {
            ctx.warning(s.offsetOf("armBootArch"), "FADT: ARM boot flags 0x%X set reserved bits", arm);
        }
    }

    /** The FACS region, from X_FIRMWARE_CTRL when set, else FIRMWARE_CTRL. */
    private static void facs(DecodeContext ctx, Struct s, boolean reduced) {
        String field = pick(ctx, s, "firmwareCtrl", "xFirmwareCtrl", "FIRMWARE_CTRL");
        if (field == null) {
            if (!reduced) {
                ctx.warning(
                        s.offsetOf("firmwareCtrl"),
                        "FADT: no FACS address, which only a hardware-reduced" + " platform may omit");
            }
            return;
        }
        ctx.region(
                RegionKind.FACS,
                AddressSpace.SYSTEM_MEMORY,
                s.value(field),
                FACS_LENGTH,
                s.offsetOf(field),
                "FADT." + field);
    }

    /**
     * The field that applies of a 32-bit address and its 64-bit twin (the twin when non-zero), or null when both
     * are 0; two different non-zero values are reported.
     */
    private static String pick(DecodeContext ctx, Struct s, String narrow, String wide, String name) {
        long a = s.value(narrow);
        long x = s.value(wide);
        if (a != 0 && x != 0 && a != x) {
            ctx.warning(s.offsetOf(wide), "FADT: %s is 0x%X but X_%s is 0x%X; X_%s is used", name, a, name, x, name);
        }
        return x != 0 ? wide : a != 0 ? narrow : null;
    }

    private static void fixedHardware(DecodeContext ctx, Struct s, FadtTable f, boolean reduced) {
        if (reduced) {
            // ACPI 6.5 section 5.2.9: on hardware-reduced platforms OSPM ignores the fixed hardware fields.
            for (FadtTable.Block b : FadtTable.Block.values()) {
                FadtTable.RegisterBlock r = f.block(b);
                if (r.address() != 0 || r.extended().address() != 0) {
                    ctx.warning(
                            s.offsetOf(r.extended().address() != 0 ? b.extendedField() : b.field()),
                            "FADT: %s is set on a hardware-reduced platform, where it is ignored",
                            b.field());
                }
            }
            return;
        }
        long smi = f.smiCommand();
        if (smi != 0) {
            ctx.region(
                    RegionKind.FIXED_HARDWARE_REGISTER,
                    AddressSpace.SYSTEM_IO,
                    smi,
                    1,
                    s.offsetOf("smiCommand"),
                    "FADT.smiCommand");
        }
        for (FadtTable.Block b : FadtTable.Block.values()) {
            FadtTable.RegisterBlock r = f.block(b);
            GenericAddress x = r.extended();
            if (r.address() != 0 && x.address() != 0 && r.address() != x.address()) {
                ctx.warning(
                        s.offsetOf(b.extendedField()) + 4,
                        "FADT: %s is 0x%X but its 64-bit twin is 0x%X;" + " the 64-bit address is used",
                        b.field(),
                        r.address(),
                        x.address());
            }
            if (x.address() != 0) {
                long length = r.length() != 0 ? r.length() : x.bitWidth() / 8;
                if (r.length() != 0 && x.bitWidth() != 0 && x.bitWidth() != r.length() * 8) {
                    ctx.warning(
                            s.offsetOf(b.extendedField()) + 1,
                            "FADT: %s bit width %d disagrees with %s = %d" + " bytes",
                            b.extendedField(),
                            x.bitWidth(),
                            b.lengthField(),
                            r.length());
                }
                ctx.region(
                        RegionKind.FIXED_HARDWARE_REGISTER,
                        x.space(),
                        x.address(),
                        length,
                        s.offsetOf(b.extendedField()) + 4L,
                        "FADT." + b.extendedField());
            } else if (r.address() != 0) {
                // The 32-bit block fields are system I/O port addresses.
                ctx.region(
                        RegionKind.FIXED_HARDWARE_REGISTER,
                        AddressSpace.SYSTEM_IO,
                        r.address(),
                        r.length(),
                        s.offsetOf(b.field()),
                        "FADT." + b.field());
            }
        }
    }
}
