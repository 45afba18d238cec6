package io.github.xenacpi.conformance;

import static io.github.xenacpi.acpi.Severity.INFO;
import static io.github.xenacpi.acpi.Severity.WARNING;

import io.github.xenacpi.acpi.table.FadtTable;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.decoder.FadtDecoder;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The FADT fields every platform must get right: the PM profile, the reset register, and on hardware-reduced
 * platforms the fixed-hardware fields that must stay zero. The Arm boot requirements (revision, HW_REDUCED_ACPI,
 * PSCI) belong to the {@link LinuxArm64Rules} and {@link SbbrRules} profiles.
 */
final class FadtRules implements RuleSet {

    private static final String FADT = "ACPI 6.5 section 5.2.9";

    static final Rule PM_PROFILE = Rule.of(
                    "FADT.PM_PROFILE",
                    WARNING,
                    "The preferred PM profile is defined",
                    "Profiles 0 to 8 are defined.",
                    FADT)
            .fwts("FADTPMProfile");
    static final Rule RESET_WIDTH = Rule.of(
                    "FADT.RESET_REG.WIDTH",
                    WARNING,
                    "The reset register is 8 bits wide",
                    "With RESET_REG_SUP set, OSPM writes RESET_VALUE, one byte, to the reset register.",
                    FADT + " and 4.8.4.6")
            .fwts("FadtResetRegWidth");
    static final Rule RESET_OFFSET = Rule.of(
                    "FADT.RESET_REG.OFFSET",
                    WARNING,
                    "The reset register bit offset is 0",
                    "The reset value is written whole to the register.",
                    FADT + " and 4.8.4.6")
            .fwts("FadtResetRegBitOffset");
    static final Rule RESET_SPACE = Rule.of(
                    "FADT.RESET_REG.SPACE",
                    WARNING,
                    "The reset register is in memory, I/O or PCI configuration space",
                    "Other address spaces are not allowed for RESET_REG when RESET_REG_SUP is set.",
                    FADT)
            .fwts("FADTBadRESETREG");
    static final Rule REDUCED_FIELDS = Rule.of(
                    "FADT.HW_REDUCED.LEGACY_FIELDS",
                    WARNING,
                    "Fixed-hardware fields are zero on a hardware-reduced platform",
                    "With HW_REDUCED_ACPI set, OSPM ignores SMI_CMD, the PM1/PM2/PM timer/GPE blocks, C-state latencies,"
                            + " flush, duty and RTC fields; values there are stale or meant for another OS.",
                    FADT + " and 4.1")
            .fwts("FADTRHWNonZero");
    static final Rule ARM_FLAGS_50 = Rule.of(
                    "FADT.ARM_BOOT_FLAGS.ACPI_5_0",
                    INFO,
                    "ARM boot flags are set only from FADT 5.1",
                    "ARM_BOOT_ARCH is reserved in FADT 5.0 and FWTS flags it; Linux acpi_fadt_sanity_check instead takes a"
                            + " 5.0 FADT with ARM boot flags for 5.1 and boots.",
                    FADT + "; Linux acpi_fadt_sanity_check")
            .fwts("FADTReservedZero");

    @Override
    public void check(CheckContext ctx) {
        for (var d : ctx.all("FACP", FadtTable.class)) {
            check(ctx, d.loaded(), d.table());
        }
    }

    private static void check(CheckContext ctx, LoadedTable t, FadtTable f) {
        if (f.preferredPmProfile() > 8) {
            ctx.report(
                    PM_PROFILE,
                    t,
                    field("preferredPmProfile"),
                    "FADT.preferredPmProfile",
                    "preferred PM profile %d is not defined",
                    f.preferredPmProfile());
        }
        GenericAddress reset = f.resetRegister();
        long at = field("resetRegister");
        if ((f.flags() & FadtTable.RESET_REG_SUP) != 0) {
            if (reset.spaceId() > 2) {
                ctx.report(
                        RESET_SPACE,
                        t,
                        at,
                        "FADT.resetRegister",
                        "reset register is in address space %d",
                        reset.spaceId());
            }
            if (reset.bitWidth() != 8) {
                ctx.report(
                        RESET_WIDTH,
                        t,
                        at + 1,
                        "FADT.resetRegister",
                        "reset register is %d bits wide",
                        reset.bitWidth());
            }
            if (reset.bitOffset() != 0) {
                ctx.report(
                        RESET_OFFSET,
                        t,
                        at + 2,
                        "FADT.resetRegister",
                        "reset register bit offset is %d",
                        reset.bitOffset());
            }
        }
        if (t.header().revision() == 5 && f.minorVersion() == 0 && f.armBootArch() != 0) {
            ctx.report(
                    ARM_FLAGS_50,
                    t,
                    field("armBootArch"),
                    "FADT.armBootArch",
                    "FADT 5.0 sets ARM boot flags 0x%X; Linux treats it as 5.1",
                    f.armBootArch());
        }
        if (f.isHardwareReduced()) {
            reducedFields(ctx, t, f);
        }
    }

    private static void reducedFields(CheckContext ctx, LoadedTable t, FadtTable f) {
        for (FadtTable.Block b : FadtTable.Block.values()) {
            FadtTable.RegisterBlock r = f.block(b);
            if (r != null && (r.address() != 0 || r.extended().address() != 0)) {
                String name = r.extended().address() != 0 ? b.extendedField() : b.field();
                ctx.report(
                        REDUCED_FIELDS,
                        t,
                        field(name),
                        "FADT." + name,
                        "%s is set on a hardware-reduced platform, where it is ignored",
                        b.field());
            }
        }
        Map<String, Long> scalars = new LinkedHashMap<>();
        scalars.put("smiCommand", f.smiCommand());
        scalars.put("acpiEnable", (long) f.acpiEnable());
        scalars.put("acpiDisable", (long) f.acpiDisable());
        scalars.put("s4BiosRequest", (long) f.s4BiosRequest());
        scalars.put("pstateControl", (long) f.pstateControl());
        scalars.put("gpe1Base", (long) f.gpe1Base());
        scalars.put("cstControl", (long) f.cstControl());
        scalars.put("pLevel2Latency", (long) f.pLevel2Latency());
        scalars.put("pLevel3Latency", (long) f.pLevel3Latency());
        scalars.put("flushSize", (long) f.flushSize());
        scalars.put("flushStride", (long) f.flushStride());
        scalars.put("dutyOffset", (long) f.dutyOffset());
        scalars.put("dutyWidth", (long) f.dutyWidth());
        scalars.put("dayAlarm", (long) f.dayAlarm());
        scalars.put("monthAlarm", (long) f.monthAlarm());
        scalars.put("century", (long) f.century());
        scalars.forEach((name, value) -> {
            if (value != 0) {
                ctx.report(
                        REDUCED_FIELDS,
                        t,
                        field(name),
                        "FADT." + name,
                        "%s is 0x%X on a hardware-reduced platform, where it is ignored",
                        name,
                        value);
            }
        });
    }

    /** The table offset of a field of {@link FadtDecoder#LAYOUT}. */
    static long field(String name) {
        return (long) TableHeader.SIZE + FadtDecoder.LAYOUT.field(name).offset();
    }
}
