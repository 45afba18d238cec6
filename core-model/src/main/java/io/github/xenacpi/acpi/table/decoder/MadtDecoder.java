package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.Subtable;
import io.github.xenacpi.acpi.table.layout.SubtableFormat;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes the MADT (signature {@code APIC}): every structure type of ACPI 6.5, and a region for each GIC block
 * it places in memory (distributor, CPU, virtual CPU and hypervisor interfaces, redistributors, ITSs, MSI
 * frames), one region per distinct base address.
 */
public final class MadtDecoder implements TableDecoder<MadtTable> {

    /** Offset of the first interrupt controller structure. */
    public static final int STRUCTURES = 44;

    /** The fields between the header and the structures (at offset 36). */
    public static final Layout LAYOUT = Layout.of("MADT")
            .u32("localInterruptControllerAddress")
            .u32("flags")
            .build();

    /** Type 0: Processor Local APIC. */
    public static final Layout LOCAL_APIC =
            entry("Local APIC").u8("processorUid").u8("apicId").u32("flags").build();
    /** Type 1: I/O APIC. */
    public static final Layout IO_APIC = entry("I/O APIC")
            .u8("ioApicId")
            .reserved(1)
            .u32("address")
            .u32("gsiBase")
            .build();
    /** Type 2: Interrupt Source Override. */
    public static final Layout INTERRUPT_SOURCE_OVERRIDE = entry("Interrupt Source Override")
            .u8("bus")
            .u8("source")
            .u32("gsi")
            .u16("flags")
            .build();
    /** Type 3: NMI Source. */
    public static final Layout NMI_SOURCE =
            entry("NMI Source").u16("flags").u32("gsi").build();
    /** Type 4: Local APIC NMI. */
    public static final Layout LOCAL_APIC_NMI =
            entry("Local APIC NMI").u8("processorUid").u16("flags").u8("lint").build();
    /** Type 5: Local APIC Address Override. */
    public static final Layout LOCAL_APIC_ADDRESS_OVERRIDE =
            entry("Local APIC Address Override").reserved(2).u64("address").build();
    /** Type 6: I/O SAPIC. */
    public static final Layout IO_SAPIC = entry("I/O SAPIC")
            .u8("ioApicId")
            .reserved(1)
            .u32("gsiBase")
            .u64("address")
            .build();
    /** Type 7: Local SAPIC; a NUL-terminated UID string follows the fixed part. */
    public static final Layout LOCAL_SAPIC = entry("Local SAPIC")
            .u8("processorId")
            .u8("sapicId")
            .u8("sapicEid")
            .reserved(3)
            .u32("flags")
            .u32("uidValue")
            .build();
    /** Type 8: Platform Interrupt Sources. */
    public static final Layout PLATFORM_INTERRUPT_SOURCE = entry("Platform Interrupt Source")
            .u16("flags")
            .u8("interruptType")
            .u8("processorId")
            .u8("processorEid")
            .u8("ioSapicVector")
            .u32("gsi")
            .u32("sourceFlags")
            .build();
    /** Type 9: Processor Local x2APIC. */
    public static final Layout LOCAL_X2APIC = entry("Local x2APIC")
            .reserved(2)
            .u32("x2ApicId")
            .u32("flags")
            .u32("processorUid")
            .build();
    /** Type 0xA: Local x2APIC NMI. */
    public static final Layout LOCAL_X2APIC_NMI = entry("Local x2APIC NMI")
            .u16("flags")
            .u32("processorUid")
            .u8("lint")
            .reserved(3)
            .build();
    /** Type 0xB: GICC as of ACPI 6.5 (82 bytes); 76 and 80 are its earlier lengths. */
    public static final Layout GICC = entry("GICC")
            .reserved(2)
            .u32("cpuInterfaceNumber")
            .u32("processorUid")
            .u32("flags")
            .u32("parkingProtocolVersion")
            .u32("performanceInterruptGsiv")
            .u64("parkedAddress")
            .u64("physicalBaseAddress")
            .u64("gicvBaseAddress")
            .u64("gichBaseAddress")
            .u32("vgicMaintenanceInterrupt")
            .u64("gicrBaseAddress")
            .u64("mpidr")
            .u8("efficiencyClass")
            .reserved(1)
            .u16("speOverflowInterrupt")
            .u16("trbeInterrupt")
            .build();
    /** Type 0xC: GIC Distributor. */
    public static final Layout GICD = entry("GICD")
            .reserved(2)
            .u32("gicId")
            .u64("physicalBaseAddress")
            .u32("systemVectorBase")
            .u8("version")
            .reserved(3)
            .build();
    /** Type 0xD: GIC MSI Frame. */
    public static final Layout GIC_MSI_FRAME = entry("GIC MSI Frame")
            .reserved(2)
            .u32("frameId")
            .u64("physicalBaseAddress")
            .u32("flags")
            .u16("spiCount")
            .u16("spiBase")
            .build();
    /** Type 0xE: GIC Redistributor discovery range. */
    public static final Layout GICR = entry("GICR")
            .reserved(2)
            .u64("discoveryRangeBaseAddress")
            .u32("discoveryRangeLength")
            .build();
    /** Type 0xF: GIC ITS. */
    public static final Layout GIC_ITS = entry("GIC ITS")
            .reserved(2)
            .u32("translationId")
            .u64("physicalBaseAddress")
            .reserved(4)
            .build();

    /**
     * The structures that are one fixed layout bound to their record, by type: the decoder reads them and the
     * builder writes them through these bindings alone (LocalSapic's trailing string and GICC's three lengths have
     * code of their own).
     */
    public static final Map<Integer, RecordLayout<? extends Record>> BOUND = Map.ofEntries(
            Map.entry(0x0, RecordLayout.of(MadtTable.LocalApic.class, LOCAL_APIC)),
            Map.entry(0x1, RecordLayout.of(MadtTable.IoApic.class, IO_APIC)),
            Map.entry(0x2, RecordLayout.of(MadtTable.InterruptSourceOverride.class, INTERRUPT_SOURCE_OVERRIDE)),
            Map.entry(0x3, RecordLayout.of(MadtTable.NmiSource.class, NMI_SOURCE)),
            Map.entry(0x4, RecordLayout.of(MadtTable.LocalApicNmi.class, LOCAL_APIC_NMI)),
            Map.entry(0x5, RecordLayout.of(MadtTable.LocalApicAddressOverride.class, LOCAL_APIC_ADDRESS_OVERRIDE)),
            Map.entry(0x6, RecordLayout.of(MadtTable.IoSapic.class, IO_SAPIC)),
            Map.entry(0x8, RecordLayout.of(MadtTable.PlatformInterruptSource.class, PLATFORM_INTERRUPT_SOURCE)),
            Map.entry(0x9, RecordLayout.of(MadtTable.LocalX2Apic.class, LOCAL_X2APIC)),
            Map.entry(0xA, RecordLayout.of(MadtTable.LocalX2ApicNmi.class, LOCAL_X2APIC_NMI)),
            Map.entry(0xC, RecordLayout.of(MadtTable.Gicd.class, GICD)),
            Map.entry(0xD, RecordLayout.of(MadtTable.GicMsiFrame.class, GIC_MSI_FRAME)),
            Map.entry(0xE, RecordLayout.of(MadtTable.Gicr.class, GICR)),
            Map.entry(0xF, RecordLayout.of(MadtTable.GicIts.class, GIC_ITS)));

    /** The fields between the header and the structures bound to the table's record. */
    public static final RecordLayout<MadtTable> TABLE_RECORD =
            RecordLayout.of(MadtTable.class, LAYOUT, "header", "structures");

    /** Type 7 bound to its record; the UID string that follows the fixed part is the decoder's. */
    public static final RecordLayout<MadtTable.LocalSapic> LOCAL_SAPIC_RECORD =
            RecordLayout.of(MadtTable.LocalSapic.class, LOCAL_SAPIC, "uidString");

    /** Type 0xB bound to its record; its {@code length} (76, 80 or 82) is the framing's. */
    public static final RecordLayout<MadtTable.Gicc> GICC_RECORD =
            RecordLayout.of(MadtTable.Gicc.class, GICC, "length");

    /** The GICC lengths ACPI has defined: 5.1, 6.0 to 6.4, 6.5. */
    static final List<Integer> GICC_LENGTHS = List.of(76, 80, 82);

    private static Layout.Builder entry(String name) {
        return Layout.of(name).u8("type").u8("length");
    }

    @Override
    public String signature() {
        return "APIC";
    }

    @Override
    public MadtTable decode(DecodeContext ctx) {
        Struct fixed = ctx.read(LAYOUT, TableHeader.SIZE, "MADT");
        List<MadtTable.Structure> structures = new ArrayList<>();
        List<Subtable> frames = ctx.subtables(SubtableFormat.TYPE8_LENGTH8, STRUCTURES, ctx.end(), "MADT.structure");
        for (Subtable sub : frames) {
            structures.add(structure(ctx, sub));
        }
        regions(ctx, frames, structures);
        return TABLE_RECORD.read(fixed, ctx.header(), structures);
    }

    private static MadtTable.Structure structure(DecodeContext ctx, Subtable sub) {
        RecordLayout<? extends Record> bound = BOUND.get(sub.type());
        if (bound != null) {
            Struct s = fixed(ctx, bound.layout(), sub);
            MadtTable.Structure structure = (MadtTable.Structure) bound.read(s);
            if (structure instanceof MadtTable.Gicd d && d.version() > 4) {
                ctx.warning(
                        s.offsetOf("version"), "%s: GIC version %d is not defined (0 to 4)", sub.path(), d.version());
            }
            return structure;
        }
        return switch (sub.type()) {
            case 0x7 -> localSapic(ctx, sub);
            case 0xB -> gicc(ctx, sub);
            default -> new MadtTable.Other(sub.type(), sub.length());
        };
    }

    /** Reads a fixed-size structure: shorter is an error (from the context), longer a warning. */
    private static Struct fixed(DecodeContext ctx, Layout layout, Subtable sub) {
        Struct s = ctx.read(layout, sub);
        if (sub.length() > layout.size()) {
            ctx.warning(
                    sub.offset() + 1,
                    "%s: %s length is %d, expected %d; the extra bytes are ignored",
                    sub.path(),
                    layout.name(),
                    sub.length(),
                    layout.size());
        }
        ctx.checkReserved(s);
        return s;
    }

    private static MadtTable.Structure localSapic(DecodeContext ctx, Subtable sub) {
        Struct s = ctx.read(LOCAL_SAPIC, sub);
        ctx.checkReserved(s);
        String uid = "";
        if (sub.length() > LOCAL_SAPIC.size()) {
            int start = sub.offset() + LOCAL_SAPIC.size();
            uid = ctx.nulTerminated(start, sub.end());
            if (start + uid.length() >= sub.end()) {
                ctx.error(
                        start,
                        "%s: Local SAPIC UID string is not NUL-terminated within the structure's %d bytes",
                        sub.path(),
                        sub.length());
            }
        } else if (sub.length() == LOCAL_SAPIC.size()) {
            ctx.error(
                    sub.offset() + 1,
                    "%s: Local SAPIC length %d leaves no room for the UID string's NUL",
                    sub.path(),
                    sub.length());
        }
        return LOCAL_SAPIC_RECORD.read(s, uid);
    }

    private static MadtTable.Structure gicc(DecodeContext ctx, Subtable sub) {
        int min = GICC_LENGTHS.get(0);
        if (sub.length() < min) {
            ctx.error(
                    sub.offset() + 1,
                    "%s: GICC length %d is below the %d bytes of ACPI 5.1; fields past it read 0",
                    sub.path(),
                    sub.length(),
                    min);
        } else if (!GICC_LENGTHS.contains(sub.length())) {
            ctx.warning(
                    sub.offset() + 1,
                    "%s: GICC length %d is none of the defined lengths %s",
                    sub.path(),
                    sub.length(),
                    GICC_LENGTHS);
        }
        Struct s = ctx.readUpTo(GICC, sub.offset(), sub.length(), sub.path());
        ctx.checkReserved(s);
        return GICC_RECORD.read(s, sub.length());
    }

    /**
     * Records the GIC frames the structures describe. The MADT gives their bases only (the redistributor
     * discovery range excepted), so each is recorded with length 0: the extent the OS maps is the consumer's
     * ({@code platform.RegionExtents} names Linux's constants and functions).
     */
    private static void regions(DecodeContext ctx, List<Subtable> frames, List<MadtTable.Structure> structures) {
        int gicds = 0;
        for (int i = 0; i < structures.size(); i++) {
            if (structures.get(i) instanceof MadtTable.Gicd && gicds++ > 0) {
                ctx.error(
                        frames.get(i).offset(),
                        "%s: a second GIC distributor; ACPI allows only one",
                        frames.get(i).path());
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < structures.size(); i++) {
            Subtable sub = frames.get(i);
            String path = sub.path();
            int at = sub.offset();
            MadtTable.Structure s = structures.get(i);
            if (s instanceof MadtTable.Gicd d) {
                region(
                        ctx,
                        null,
                        RegionKind.GIC_DISTRIBUTOR,
                        d.physicalBaseAddress(),
                        0,
                        at + GICD.field("physicalBaseAddress").offset(),
                        path + ".physicalBaseAddress");
            } else if (s instanceof MadtTable.Gicc c) {
                region(
                        ctx,
                        seen,
                        RegionKind.GIC_CPU_INTERFACE,
                        c.physicalBaseAddress(),
                        0,
                        at + GICC.field("physicalBaseAddress").offset(),
                        path + ".physicalBaseAddress");
                region(
                        ctx,
                        seen,
                        RegionKind.GIC_VCPU_INTERFACE,
                        c.gicvBaseAddress(),
                        0,
                        at + GICC.field("gicvBaseAddress").offset(),
                        path + ".gicvBaseAddress");
                region(
                        ctx,
                        seen,
                        RegionKind.GIC_HYP_INTERFACE,
                        c.gichBaseAddress(),
                        0,
                        at + GICC.field("gichBaseAddress").offset(),
                        path + ".gichBaseAddress");
                region(
                        ctx,
                        seen,
                        RegionKind.GIC_REDISTRIBUTOR,
                        c.gicrBaseAddress(),
                        0,
                        at + GICC.field("gicrBaseAddress").offset(),
                        path + ".gicrBaseAddress");
            } else if (s instanceof MadtTable.Gicr r) {
                if (r.discoveryRangeBaseAddress() != 0 && r.discoveryRangeLength() == 0) {
                    ctx.error(
                            at + GICR.field("discoveryRangeLength").offset(),
                            "%s: redistributor discovery range at 0x%X has length 0",
                            path,
                            r.discoveryRangeBaseAddress());
                }
                // gic_acpi_parse_madt_redist maps the discovery range with the length given.
                region(
                        ctx,
                        null,
                        RegionKind.GIC_REDISTRIBUTOR,
                        r.discoveryRangeBaseAddress(),
                        r.discoveryRangeLength(),
                        at + GICR.field("discoveryRangeBaseAddress").offset(),
                        path + ".discoveryRangeBaseAddress");
            } else if (s instanceof MadtTable.GicIts t) {
                region(
                        ctx,
                        null,
                        RegionKind.GIC_ITS,
                        t.physicalBaseAddress(),
                        0,
                        at + GIC_ITS.field("physicalBaseAddress").offset(),
                        path + ".physicalBaseAddress");
            } else if (s instanceof MadtTable.GicMsiFrame m) {
                region(
                        ctx,
                        null,
                        RegionKind.GIC_MSI_FRAME,
                        m.physicalBaseAddress(),
                        0,
                        at + GIC_MSI_FRAME.field("physicalBaseAddress").offset(),
                        path + ".physicalBaseAddress");
            }
        }
    }

    /** Records a region unless its base is 0; with {@code seen}, only the first of each GICC base is kept. */
    private static void region(
            DecodeContext ctx,
            Set<String> seen,
            RegionKind kind,
            long base,
            long length,
            int fieldOffset,
            String path) {
        if (base != 0 && (seen == null || seen.add(kind + "@" + base))) {
            ctx.region(kind, AddressSpace.SYSTEM_MEMORY, base, length, fieldOffset, path);
        }
    }
}
