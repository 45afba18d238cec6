package io.github.xenacpi.conformance;

import static io.github.xenacpi.acpi.Severity.ERROR;
import static io.github.xenacpi.acpi.Severity.WARNING;

import io.github.xenacpi.acpi.table.GtdtTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.decoder.GtdtDecoder;
import io.github.xenacpi.acpi.table.layout.Subtable;
import io.github.xenacpi.acpi.table.layout.SubtableFormat;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The GTDT: the per-CPU timers' interrupts and flags, the memory-mapped timer blocks and the watchdogs. */
final class GtdtRules implements RuleSet {

    private static final String GTDT = "ACPI 6.5 section 5.2.25";

    static final Rule CONTROL_BASE = Rule.of(
                    "GTDT.COUNTER.CONTROL_BASE",
                    WARNING,
                    "CntControlBase is an address or all ones",
                    "When the counter control frame is not provided the field must be 0xFFFFFFFFFFFFFFFF, not 0.",
                    GTDT)
            .fwts("GTDTInvalidBaseAddr");
    static final Rule READ_BASE = Rule.of(
                    "GTDT.COUNTER.READ_BASE",
                    WARNING,
                    "CntReadBase is an address or all ones",
                    "When the counter read frame is not provided the field must be 0xFFFFFFFFFFFFFFFF, not 0.",
                    GTDT)
            .fwts("GTDTInvalidBaseAddr");
    static final Rule TIMER_FLAGS = Rule.of(
                    "GTDT.TIMER.FLAGS.RESERVED",
                    WARNING,
                    "Per-CPU timer flag bits 3 to 31 are zero",
                    "Only the trigger mode, polarity and always-on bits are defined.",
                    GTDT)
            .fwts("GTDTReservedBitsNonZero");
    static final Rule TIMER_MISSING = Rule.of(
            "GTDT.TIMER.MISSING",
            ERROR,
            "The non-secure EL1, virtual EL1 and EL2 timers have interrupts",
            "Xen drives its own scheduling from the EL2 (hypervisor) timer and gives Dom0 the virtual timer;"
                    + " Linux arch_timer_acpi_init needs the non-secure physical or virtual timer. A GSIV of 0"
                    + " leaves the timer without an interrupt.",
            GTDT + "; Xen xen/arch/arm/time.c arch_timer_acpi_init; Linux arch_timer_acpi_init");
    static final Rule TIMER_PPI = Rule.of(
            "GTDT.TIMER.PPI",
            ERROR,
            "Per-CPU timer interrupts are PPIs",
            "The generic timers of each CPU signal private peripheral interrupts (GSIV 16 to 31); Linux and Xen"
                    + " request them as per-CPU interrupts, which fails for an SPI or SGI number.",
            GTDT + "; Arm BSA B_PPI_00; Linux arch_timer_acpi_init");
    static final Rule INTERRUPT_CONFLICT = Rule.of(
            "GTDT.TIMER.INTERRUPT_CONFLICT",
            ERROR,
            "Per-CPU timer interrupts are distinct and not shared with MADT PPIs",
            "Two timers, or a timer and the GICC performance or VGIC maintenance interrupt, on one PPI make"
                    + " the second request_percpu_irq fail.",
            GTDT + " and 5.2.12.14; Linux arch_timer_register");
    static final Rule BLOCK_BASE = Rule.of(
                    "GTDT.BLOCK.BASE_ZERO",
                    ERROR,
                    "A GT block has a CntCTLBase",
                    "A GT block at address 0 describes no frame.",
                    GTDT)
            .fwts("GTDTBlockInvalidBaseAddr");
    static final Rule FRAME_BASE = Rule.of(
                    "GTDT.FRAME.BASE_ZERO",
                    ERROR,
                    "A GT frame has a CntBase",
                    "A timer frame at address 0 describes no timer.",
                    GTDT)
            .fwts("GTDTGTxInvalidBaseAddr");
    static final Rule FRAME_EL0_BASE = Rule.of(
                    "GTDT.FRAME.EL0_BASE_ZERO",
                    WARNING,
                    "A GT frame's CntEL0Base is an address or all ones",
                    "When the EL0 view is not provided the field must be 0xFFFFFFFFFFFFFFFF, not 0.",
                    GTDT)
            .fwts("GTDTGTxInvalidBaseAddr");
    static final Rule FRAME_FLAGS = Rule.of(
                    "GTDT.FRAME.FLAGS.RESERVED",
                    WARNING,
                    "GT frame flag bits 2 to 31 are zero",
                    "The physical, virtual and common flags of a GT frame define bits 0 and 1 only.",
                    GTDT)
            .fwts("GTDTReservedBitsNonZero");
    static final Rule WATCHDOG_BASE = Rule.of(
                    "GTDT.WATCHDOG.BASE_ZERO",
                    ERROR,
                    "A watchdog has refresh and control frames",
                    "An SBSA watchdog at address 0 cannot be driven; Linux sbsa_gwdt would map page 0.",
                    GTDT + "; Linux gtdt_import_sbsa_gwdt")
            .fwts("GTDTInvalidWatchDogBaseAddr");
    static final Rule WATCHDOG_FLAGS = Rule.of(
                    "GTDT.WATCHDOG.FLAGS.RESERVED",
                    WARNING,
                    "Watchdog flag bits 3 to 31 are zero",
                    "Only the trigger mode, polarity and secure bits are defined.",
                    GTDT)
            .fwts("GTDTReservedBitsNonZero");

    @Override
    public void check(CheckContext ctx) {
        for (var d : ctx.all("GTDT", GtdtTable.class)) {
            check(ctx, d.loaded(), d.table());
        }
    }

    private static void check(CheckContext ctx, LoadedTable t, GtdtTable g) {
        int revision = t.header().revision();
        if (g.cntControlBase() == 0) {
            ctx.report(
                    CONTROL_BASE,
                    t,
                    field("cntControlBase"),
                    "GTDT.cntControlBase",
                    "CntControlBase is 0; 0xFFFFFFFFFFFFFFFF means not provided");
        }
        if (revision >= 2 && g.cntReadBase() == 0) {
            ctx.report(
                    READ_BASE,
                    t,
                    field("cntReadBase"),
                    "GTDT.cntReadBase",
                    "CntReadBase is 0; 0xFFFFFFFFFFFFFFFF means not provided");
        }
        Map<String, GtdtTable.Timer> timers = new LinkedHashMap<>();
        timers.put("secureEl1", g.secureEl1());
        timers.put("nonSecureEl1", g.nonSecureEl1());
        timers.put("virtualEl1", g.virtualEl1());
        timers.put("el2", g.el2());
        if (revision >= 3) {
            timers.put("virtualEl2", g.virtualEl2());
        }
        Map<Long, String> used = new LinkedHashMap<>();
        ctx.first("APIC", MadtTable.class)
                .ifPresent(m -> m.structures(MadtTable.Gicc.class).stream()
                        .findFirst()
                        .ifPresent(c -> {
                            used.put(c.performanceInterruptGsiv(), "the MADT GICC performance interrupt");
                            used.put(c.vgicMaintenanceInterrupt(), "the MADT GICC VGIC maintenance interrupt");
                        }));
        used.remove(0L);
        for (var e : timers.entrySet()) {
            String name = e.getKey();
            GtdtTable.Timer timer = e.getValue();
            long at = field(name + "Gsiv");
            if ((timer.flags() & ~0x7L) != 0) {
                ctx.report(
                        TIMER_FLAGS,
                        t,
                        field(name + "Flags"),
                        "GTDT." + name + "Flags",
                        "%s timer flags 0x%X set reserved bits",
                        name,
                        timer.flags());
            }
            boolean required = name.equals("nonSecureEl1") || name.equals("virtualEl1") || name.equals("el2");
            if (timer.gsiv() == 0) {
                if (required) {
                    ctx.report(
                            TIMER_MISSING, t, at, "GTDT." + name + "Gsiv", "%s timer has no interrupt (GSIV 0)", name);
                }
                continue;
            }
            if (timer.gsiv() < 16 || timer.gsiv() > 31) {
                ctx.report(
                        TIMER_PPI,
                        t,
                        at,
                        "GTDT." + name + "Gsiv",
                        "%s timer GSIV %d is not a PPI (16 to 31)",
                        name,
                        timer.gsiv());
            }
            String other = used.putIfAbsent(timer.gsiv(), "the " + name + " timer");
            if (other != null) {
                ctx.report(
                        INTERRUPT_CONFLICT,
                        t,
                        at,
                        "GTDT." + name + "Gsiv",
                        "%s timer GSIV %d is also %s",
                        name,
                        timer.gsiv(),
                        other);
            }
        }
        platformTimers(ctx, t, g);
    }

    private static void platformTimers(CheckContext ctx, LoadedTable t, GtdtTable g) {
        if (g.platformTimers().isEmpty()) {
            return;
        }
        List<Subtable> frames =
                ctx.frames(t, SubtableFormat.TYPE8_LENGTH16, g.platformTimerOffset(), "GTDT.platformTimer");
        int n = Math.min(frames.size(), g.platformTimers().size());
        for (int i = 0; i < n; i++) {
            Subtable f = frames.get(i);
            String path = f.path();
            if (g.platformTimers().get(i) instanceof GtdtTable.GtBlock b) {
                if (b.cntCtlBase() == 0) {
                    ctx.report(
                            BLOCK_BASE,
                            t,
                            f.offset()
                                    + GtdtDecoder.GT_BLOCK.field("cntCtlBase").offset(),
                            path + ".cntCtlBase",
                            "%s: CntCTLBase is 0",
                            path);
                }
                for (int j = 0; j < b.frames().size(); j++) {
                    gtFrame(
                            ctx,
                            t,
                            b.frames().get(j),
                            f.offset() + b.timerOffset() + (long) j * GtdtDecoder.GT_FRAME.size(),
                            path + ".frame[" + j + "]");
                }
            } else if (g.platformTimers().get(i) instanceof GtdtTable.Watchdog w) {
                if (w.refreshFrame() == 0 || w.controlFrame() == 0) {
                    String field = w.refreshFrame() == 0 ? "refreshFrame" : "controlFrame";
                    ctx.report(
                            WATCHDOG_BASE,
                            t,
                            f.offset() + GtdtDecoder.WATCHDOG.field(field).offset(),
                            path + "." + field,
                            "%s: %s is 0",
                            path,
                            field);
                }
                if ((w.flags() & ~0x7L) != 0) {
                    ctx.report(
                            WATCHDOG_FLAGS,
                            t,
                            f.offset() + GtdtDecoder.WATCHDOG.field("flags").offset(),
                            path + ".flags",
                            "%s: flags 0x%X set reserved bits",
                            path,
                            w.flags());
                }
            }
        }
    }

    private static void gtFrame(CheckContext ctx, LoadedTable t, GtdtTable.GtFrame fr, long at, String path) {
        if (fr.cntBase() == 0) {
            ctx.report(
                    FRAME_BASE,
                    t,
                    at + GtdtDecoder.GT_FRAME.field("cntBase").offset(),
                    path + ".cntBase",
                    "%s: CntBase is 0",
                    path);
        }
        if (fr.cntEl0Base() == 0) {
            ctx.report(
                    FRAME_EL0_BASE,
                    t,
                    at + GtdtDecoder.GT_FRAME.field("cntEl0Base").offset(),
                    path + ".cntEl0Base",
                    "%s: CntEL0Base is 0; 0xFFFFFFFFFFFFFFFF means not provided",
                    path);
        }
        long[] flags = {fr.physicalTimer().flags(), fr.virtualTimer().flags(), fr.commonFlags()};
        String[] names = {"physicalTimerFlags", "virtualTimerFlags", "commonFlags"};
        for (int k = 0; k < 3; k++) {
            if ((flags[k] & ~0x3L) != 0) {
                ctx.report(
                        FRAME_FLAGS,
                        t,
                        at + GtdtDecoder.GT_FRAME.field(names[k]).offset(),
                        path + "." + names[k],
                        "%s: %s 0x%X set reserved bits",
                        path,
                        names[k],
                        flags[k]);
            }
        }
    }

    private static long field(String name) {
        return (long) TableHeader.SIZE + GtdtDecoder.LAYOUT.field(name).offset();
    }
}
