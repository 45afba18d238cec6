package io.github.xenacpi.conformance;

import static io.github.xenacpi.acpi.Severity.ERROR;
import static io.github.xenacpi.acpi.Severity.WARNING;

import io.github.xenacpi.acpi.table.FadtTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.decoder.MadtDecoder;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.Subtable;
import io.github.xenacpi.acpi.table.layout.SubtableFormat;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The MADT's GIC description: CPU interfaces, one distributor, redistributors, ITSs and MSI frames. */
final class MadtRules implements RuleSet {

    private static final String GIC = "ACPI 6.5 section 5.2.12.14 to 5.2.12.18";

    static final Rule ARCH_REVISION = Rule.of(
                    "MADT.REVISION.ARM",
                    WARNING,
                    "An Arm MADT is revision 3 or later",
                    "GICC and GICD structures were defined in ACPI 5.1 (MADT revision 3); an older revision cannot"
                            + " describe a GIC correctly.",
                    "ACPI 6.5 section 5.2.12")
            .fwts("SPECMADTArchRevision");
    static final Rule FLAGS_RESERVED = Rule.of(
                    "MADT.FLAGS.RESERVED",
                    WARNING,
                    "MADT flags bits 1 to 31 are zero",
                    "Only PCAT_COMPAT is defined.",
                    "ACPI 6.5 section 5.2.12")
            .fwts("MADTFlagsNonZero");
    static final Rule MPIDR_UNIQUE = Rule.of(
            "MADT.GICC.MPIDR.UNIQUE",
            ERROR,
            "Each GICC has its own MPIDR",
            "Linux acpi_map_gic_cpu_interface ignores a CPU whose MPIDR repeats an earlier one, and Xen"
                    + " gic_acpi_parse_madt_cpu maps CPUs by MPIDR; a duplicate loses a CPU or mixes up two.",
            GIC + "; Linux acpi_map_gic_cpu_interface");
    static final Rule MPIDR_RESERVED = Rule.of(
            "MADT.GICC.MPIDR.RESERVED",
            WARNING,
            "GICC MPIDR holds only affinity fields",
            "Only Aff0 to Aff3 (bits 0-23 and 32-39) may be set; other bits must be zero, and Linux compares"
                    + " the value with MPIDR_EL1 & MPIDR_HWID_BITMASK.",
            GIC);
    static final Rule UID_UNIQUE = Rule.of(
            "MADT.GICC.UID.UNIQUE",
            ERROR,
            "Each GICC has its own processor UID",
            "The ACPI processor UID links the GICC to its processor device, PPTT node and SRAT affinity; a"
                    + " repeated UID makes those links ambiguous.",
            GIC);
    static final Rule BOOT_FIRST = Rule.of(
            "MADT.GICC.BOOT_FIRST",
            WARNING,
            "The first GICC is an enabled CPU",
            "The boot processor's GICC comes first (SBBR 1.2 MADT ordering); a disabled first entry cannot be"
                    + " the CPU that boots.",
            "Arm SBBR 1.2 (DEN0044D) MADT ordering; ACPI 6.5 section 5.2.12.14");
    static final Rule GICC_FLAGS = Rule.of(
                    "MADT.GICC.FLAGS.RESERVED",
                    WARNING,
                    "GICC reserved flag bits are zero",
                    "Bits past those the GICC's length defines (Enabled, performance and VGIC interrupt modes, and from"
                            + " ACPI 6.5 Online Capable) must be zero.",
                    GIC)
            .fwts("MADTGICFLags");
    static final Rule ENABLED_ONLINE = Rule.of(
                    "MADT.GICC.FLAGS.ONLINE_CAPABLE",
                    WARNING,
                    "Enabled and Online Capable are not both set",
                    "Online Capable is reserved when Enabled is set.",
                    GIC)
            .fwts("MADTGICBadFLag");
    static final Rule PARKING = Rule.of(
                    "MADT.GICC.PARKING_VERSION",
                    WARNING,
                    "The parking protocol version is 0 or 1 (0 from MADT revision 7)",
                    "Only version 1 of the parking protocol exists, and ACPI 6.6 (MADT revision 7) requires 0.",
                    GIC)
            .fwts("SPECMADTGICCParkingVersion");
    static final Rule PSCI = Rule.of(
                    "MADT.GICC.PSCI",
                    WARNING,
                    "A MADT of revision 7 comes with PSCI",
                    "MADT revision 7 (ACPI 6.6) requires the FADT's PSCI_COMPLIANT flag.",
                    "ACPI 6.6 section 5.2.12.14")
            .fwts("MADTArmPsciCompliance");
    static final Rule GICD_REQUIRED = Rule.of(
            "MADT.GICD.REQUIRED",
            ERROR,
            "A MADT with GICCs has a GICD",
            "Without a distributor Linux gic_acpi_init and Xen gic_acpi_init find no interrupt controller.",
            GIC + "; Linux gic_acpi_init");
    static final Rule GICD_SINGLE = Rule.of(
            "MADT.GICD.SINGLE",
            ERROR,
            "There is exactly one GICD",
            "A system has one distributor; Linux and Xen use the first and ignore the others (edk2 acpiview:"
                    + " \"Only one GICD must be present\"; BSA ACS S_L5GI_01).",
            GIC);
    static final Rule GICD_VECTOR_BASE = Rule.of(
                    "MADT.GICD.SYSTEM_VECTOR_BASE",
                    WARNING,
                    "The GICD system vector base is zero",
                    "ACPI requires 0 for the GIC distributor.",
                    GIC)
            .fwts("MADTGICDSystemVectorBaseNonZero");
    static final Rule GICD_VERSION = Rule.of(
                    "MADT.GICD.VERSION", WARNING, "The GIC version is 0 to 4", "Versions 5 and up are reserved.", GIC)
            .fwts("SPECMADTGICDVersion");
    static final Rule GICR_REQUIRED = Rule.of(
            "MADT.GICR.REQUIRED",
            ERROR,
            "A GICv3/v4 system describes its redistributors",
            "With GIC version 3 or 4, Linux gic_acpi_collect_gicr_base needs GICR structures or a GICR base in"
                    + " every enabled GICC; without either the GIC driver fails to probe.",
            GIC + "; Linux gic_acpi_init, gic_acpi_collect_gicr_base");
    static final Rule GICR_BASE_MIXED = Rule.of(
            "MADT.GICC.GICR_BASE.MIXED",
            WARNING,
            "GICC redistributor bases are zero when GICR structures exist",
            "Redistributors are described either by GICR structures or per CPU in the GICC, not both; Linux"
                    + " then ignores the GICC bases and the BSA ACS fails B_GIC_05 (bsa-acs#138).",
            GIC);
    static final Rule GICR_LENGTH = Rule.of(
                    "MADT.GICR.LENGTH_ZERO",
                    ERROR,
                    "A GICR range has a length",
                    "A zero-length discovery range describes no redistributor.",
                    GIC)
            .fwts("SPECMADTGICRZeroLength");
    static final Rule ITS_UNIQUE = Rule.of(
                    "MADT.ITS.ID.UNIQUE",
                    ERROR,
                    "Each ITS has its own ID",
                    "IORT ITS groups and SRAT ITS affinities name ITSs by this ID.",
                    GIC)
            .fwts("SPECMADTGICITSNonUniqueId");
    static final Rule MSI_UNIQUE = Rule.of(
                    "MADT.MSI_FRAME.ID.UNIQUE",
                    ERROR,
                    "Each MSI frame has its own ID",
                    "IORT and _CRS name MSI frames by this ID.",
                    GIC)
            .fwts("MADTGICMSINonUniqueFrameId");
    static final Rule MSI_FLAGS = Rule.of(
                    "MADT.MSI_FRAME.FLAGS.RESERVED",
                    WARNING,
                    "MSI frame flag bits 1 to 31 are zero",
                    "Only SPI Count/Base Select is defined.",
                    GIC)
            .fwts("MADTGICMSIFLags");

    @Override
    public void check(CheckContext ctx) {
        boolean psci = ctx.first("FACP", FadtTable.class)
                .map(FadtTable::isPsciCompliant)
                .orElse(false);
        for (var d : ctx.all("APIC", MadtTable.class)) {
            check(ctx, d.loaded(), d.table(), psci, ctx.has("FACP"));
        }
    }

    private static void check(CheckContext ctx, LoadedTable t, MadtTable madt, boolean psci, boolean hasFadt) {
        List<Subtable> frames = ctx.frames(t, SubtableFormat.TYPE8_LENGTH8, MadtDecoder.STRUCTURES, "MADT.structure");
        List<MadtTable.Structure> all = madt.structures();
        int n = Math.min(frames.size(), all.size());
        int revision = t.header().revision();
        if ((madt.flags() & ~MadtTable.PCAT_COMPAT) != 0) {
            ctx.report(
                    FLAGS_RESERVED,
                    t,
                    TableHeader.SIZE + MadtDecoder.LAYOUT.field("flags").offset(),
                    "MADT.flags",
                    "flags 0x%X set reserved bits",
                    madt.flags());
        }
        boolean anyGicc = all.stream().anyMatch(s -> s instanceof MadtTable.Gicc);
        if (anyGicc && revision < 3) {
            ctx.report(
                    ARCH_REVISION,
                    t,
                    8,
                    "header.revision",
                    "MADT revision %d describes GICCs; Arm needs 3 or" + " later",
                    revision);
        }
        if (anyGicc && revision >= 7 && !psci) {
            ctx.report(
                    PSCI,
                    t,
                    8,
                    "header.revision",
                    "MADT revision %d needs PSCI, but %s",
                    revision,
                    hasFadt ? "the FADT does not set PSCI_COMPLIANT" : "there is no FADT");
        }
        Map<Long, String> mpidrs = new HashMap<>();
        Map<Long, String> uids = new HashMap<>();
        Map<Long, String> its = new HashMap<>();
        Map<Long, String> msi = new HashMap<>();
        int gicds = 0;
        int gicdVersion = -1;
        boolean firstGicc = true;
        boolean gicr = all.stream().anyMatch(s -> s instanceof MadtTable.Gicr);
        boolean gicrInEveryGicc = true;
        for (int i = 0; i < n; i++) {
            Subtable f = frames.get(i);
            String path = f.path();
            if (all.get(i) instanceof MadtTable.Gicc g) {
                if (firstGicc && (g.flags() & MadtTable.Gicc.ENABLED) == 0) {
                    ctx.report(
                            BOOT_FIRST,
                            t,
                            at(f, MadtDecoder.GICC, "flags"),
                            path + ".flags",
                            "%s: the first GICC (processor UID %d) is not enabled",
                            path,
                            g.processorUid());
                }
                firstGicc = false;
                gicc(ctx, t, f, g, revision, mpidrs, uids);
                if ((g.flags() & MadtTable.Gicc.ENABLED) != 0 && g.gicrBaseAddress() == 0) {
                    gicrInEveryGicc = false;
                }
                if (gicr && g.gicrBaseAddress() != 0) {
                    ctx.report(
                            GICR_BASE_MIXED,
                            t,
                            at(f, MadtDecoder.GICC, "gicrBaseAddress"),
                            path + ".gicrBaseAddress",
                            "%s: GICR base 0x%X given although GICR structures exist",
                            path,
                            g.gicrBaseAddress());
                }
            } else if (all.get(i) instanceof MadtTable.Gicd g) {
                gicds++;
                if (gicds == 1) {
                    gicdVersion = g.version();
                } else {
                    ctx.report(
                            GICD_SINGLE,
                            t,
                            f.offset(),
                            path,
                            "%s: a second GIC distributor; ACPI allows only" + " one",
                            path);
                }
                if (g.systemVectorBase() != 0) {
                    ctx.report(
                            GICD_VECTOR_BASE,
                            t,
                            at(f, MadtDecoder.GICD, "systemVectorBase"),
                            path + ".systemVectorBase",
                            "%s: system vector base is 0x%X",
                            path,
                            g.systemVectorBase());
                }
                if (g.version() > 4) {
                    ctx.report(
                            GICD_VERSION,
                            t,
                            at(f, MadtDecoder.GICD, "version"),
                            path + ".version",
                            "%s: GIC version %d is not defined (0 to 4)",
                            path,
                            g.version());
                }
            } else if (all.get(i) instanceof MadtTable.Gicr g && g.discoveryRangeLength() == 0) {
                ctx.report(
                        GICR_LENGTH,
                        t,
                        at(f, MadtDecoder.GICR, "discoveryRangeLength"),
                        path + ".discoveryRangeLength",
                        "%s: discovery range at 0x%X has length 0",
                        path,
                        g.discoveryRangeBaseAddress());
            } else if (all.get(i) instanceof MadtTable.GicIts g) {
                unique(
                        ctx,
                        t,
                        ITS_UNIQUE,
                        its,
                        g.translationId(),
                        at(f, MadtDecoder.GIC_ITS, "translationId"),
                        path,
                        "ITS ID");
            } else if (all.get(i) instanceof MadtTable.GicMsiFrame g) {
                unique(
                        ctx,
                        t,
                        MSI_UNIQUE,
                        msi,
                        g.frameId(),
                        at(f, MadtDecoder.GIC_MSI_FRAME, "frameId"),
                        path,
                        "MSI frame ID");
                if ((g.flags() & ~1L) != 0) {
                    ctx.report(
                            MSI_FLAGS,
                            t,
                            at(f, MadtDecoder.GIC_MSI_FRAME, "flags"),
                            path + ".flags",
                            "%s: flags 0x%X set reserved bits",
                            path,
                            g.flags());
                }
            }
        }
        if (anyGicc && gicds == 0) {
            ctx.report(GICD_REQUIRED, t, -1, "MADT", "the MADT has GICC structures but no GICD");
        }
        if (gicdVersion >= 3 && !gicr && !gicrInEveryGicc) {
            ctx.report(
                    GICR_REQUIRED,
                    t,
                    -1,
                    "MADT",
                    "GIC version %d, but no GICR structure and not every enabled" + " GICC gives a GICR base",
                    gicdVersion);
        }
    }

    private static void gicc(
            CheckContext ctx,
            LoadedTable t,
            Subtable f,
            MadtTable.Gicc g,
            int revision,
            Map<Long, String> mpidrs,
            Map<Long, String> uids) {
        String path = f.path();
        unique(ctx, t, MPIDR_UNIQUE, mpidrs, g.mpidr(), at(f, MadtDecoder.GICC, "mpidr"), path, "MPIDR");
        unique(
                ctx,
                t,
                UID_UNIQUE,
                uids,
                g.processorUid(),
                at(f, MadtDecoder.GICC, "processorUid"),
                path,
                "processor UID");
        if ((g.mpidr() & ~0xFF_00FF_FFFFL) != 0) {
            ctx.report(
                    MPIDR_RESERVED,
                    t,
                    at(f, MadtDecoder.GICC, "mpidr"),
                    path + ".mpidr",
                    "%s: MPIDR 0x%X sets bits outside Aff0-Aff3",
                    path,
                    g.mpidr());
        }
        long defined = g.length() >= 82 ? 0xF : 0x7;
        if ((g.flags() & ~defined) != 0) {
            ctx.report(
                    GICC_FLAGS,
                    t,
                    at(f, MadtDecoder.GICC, "flags"),
                    path + ".flags",
                    "%s: flags 0x%X set reserved bits (length %d defines 0x%X)",
                    path,
                    g.flags(),
                    g.length(),
                    defined);
        } else if ((g.flags() & MadtTable.Gicc.ENABLED) != 0 && (g.flags() & MadtTable.Gicc.ONLINE_CAPABLE) != 0) {
            ctx.report(
                    ENABLED_ONLINE,
                    t,
                    at(f, MadtDecoder.GICC, "flags"),
                    path + ".flags",
                    "%s: flags 0x%X set both Enabled and Online Capable",
                    path,
                    g.flags());
        }
        if (g.parkingProtocolVersion() > 1 || (revision >= 7 && g.parkingProtocolVersion() != 0)) {
            ctx.report(
                    PARKING,
                    t,
                    at(f, MadtDecoder.GICC, "parkingProtocolVersion"),
                    path + ".parkingProtocolVersion",
                    "%s: parking protocol version %d in a revision %d MADT",
                    path,
                    g.parkingProtocolVersion(),
                    revision);
        }
    }

    private static void unique(
            CheckContext ctx,
            LoadedTable t,
            Rule rule,
            Map<Long, String> seen,
            long value,
            long offset,
            String path,
            String what) {
        String first = seen.putIfAbsent(value, path);
        if (first != null) {
            ctx.report(rule, t, offset, path, "%s: %s 0x%X repeats that of %s", path, what, value, first);
        }
    }

    private static long at(Subtable f, Layout layout, String field) {
        return (long) f.offset() + layout.field(field).offset();
    }
}
