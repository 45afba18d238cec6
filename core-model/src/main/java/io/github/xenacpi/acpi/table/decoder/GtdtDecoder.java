package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.GtdtTable;
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
 * Decodes the GTDT, revisions 1 (ACPI 5.0) to 3 (ACPI 6.3+), and reports a 4 KiB region for each memory-mapped
 * timer frame it describes: the counter's control and read frames, each GT block's control frame and its
 * CNTBase/CNTEL0Base frames, and each watchdog's refresh and control frames.
 */
public final class GtdtDecoder implements TableDecoder<GtdtTable> {

    /** The fields after the header (at offset 36), as of revision 3. */
    public static final Layout LAYOUT = Layout.of("GTDT")
            .u64("cntControlBase")
            .reserved(4)
            .u32("secureEl1Gsiv")
            .u32("secureEl1Flags")
            .u32("nonSecureEl1Gsiv")
            .u32("nonSecureEl1Flags")
            .u32("virtualEl1Gsiv")
            .u32("virtualEl1Flags")
            .u32("el2Gsiv")
            .u32("el2Flags")
            .u64("cntReadBase")
            .u32("platformTimerCount")
            .u32("platformTimerOffset")
            .u32("virtualEl2Gsiv")
            .u32("virtualEl2Flags")
            .build();

    /** Platform timer type 0: GT block; its frames start {@code timerOffset} bytes into it. */
    public static final Layout GT_BLOCK = Layout.of("GT Block")
            .u8("type")
            .u16("length")
            .reserved(1)
            .u64("cntCtlBase")
            .u32("timerCount")
            .u32("timerOffset")
            .build();

    /** One GT block timer frame. */
    public static final Layout GT_FRAME = Layout.of("GT Block Timer")
            .u8("frameNumber")
            .reserved(3)
            .u64("cntBase")
            .u64("cntEl0Base")
            .u32("physicalTimerGsiv")
            .u32("physicalTimerFlags")
            .u32("virtualTimerGsiv")
            .u32("virtualTimerFlags")
            .u32("commonFlags")
            .build();

    /** Platform timer type 1: SBSA generic watchdog. */
    public static final Layout WATCHDOG = Layout.of("SBSA Generic Watchdog")
            .u8("type")
            .u16("length")
            .reserved(1)
            .u64("refreshFrame")
            .u64("controlFrame")
            .u32("gsiv")
            .u32("flags")
            .build();
    /** {@link #WATCHDOG} bound to its record: the decoder reads and the builder writes through it. */
    public static final RecordLayout<GtdtTable.Watchdog> WATCHDOG_RECORD =
            RecordLayout.of(GtdtTable.Watchdog.class, WATCHDOG);

    /** {@link #LAYOUT} bound to the table's record: each per-CPU timer is its GSIV and flags fields. */
    public static final RecordLayout<GtdtTable> TABLE_RECORD = RecordLayout.binder(GtdtTable.class, LAYOUT)
            .supplied("header", "platformTimers")
            .nested("secureEl1", "secureEl1Gsiv", "secureEl1Flags")
            .nested("nonSecureEl1", "nonSecureEl1Gsiv", "nonSecureEl1Flags")
            .nested("virtualEl1", "virtualEl1Gsiv", "virtualEl1Flags")
            .nested("el2", "el2Gsiv", "el2Flags")
            .nested("virtualEl2", "virtualEl2Gsiv", "virtualEl2Flags")
            .build();

    /** {@link #GT_BLOCK} bound to its record; the frames that follow are the decoder's. */
    public static final RecordLayout<GtdtTable.GtBlock> GT_BLOCK_RECORD =
            RecordLayout.of(GtdtTable.GtBlock.class, GT_BLOCK, "frames");

    /** {@link #GT_FRAME} bound to its record, each timer its GSIV and flags fields. */
    public static final RecordLayout<GtdtTable.GtFrame> GT_FRAME_RECORD = RecordLayout.binder(
                    GtdtTable.GtFrame.class, GT_FRAME)
            .nested("physicalTimer", "physicalTimerGsiv", "physicalTimerFlags")
            .nested("virtualTimer", "virtualTimerGsiv", "virtualTimerFlags")
            .build();

    /** Table length of each revision: 1 (ACPI 5.0), 2 (5.1 platform timers), 3 (6.3 EL2 virtual timer). */
    private static final int[] REVISION_END = {0, 80, 96, 104};

    /** Frames a GT block may have (CNTBase0 to CNTBase7). */
    private static final int MAX_FRAMES = 8;

    // gtdt_parse_timer_block: "The CNTCTLBase frame is 4KB"; every frame of the memory-mapped counter and timers
    // (CNTControlBase, CNTReadBase, CNTBaseN, CNTEL0BaseN) is 4 KiB in the Arm ARM's memory maps.
    private static final long FRAME = 4L << 10;

    @Override
    public String signature() {
        return "GTDT";
    }

    @Override
    public GtdtTable decode(DecodeContext ctx) {
        int rev = ctx.revision();
        int expected = REVISION_END[Math.max(1, Math.min(rev, 3))];
        // Only the fields of the table's own revision: in revision 2 the platform timers may start at offset 96,
        // where revision 3 has its EL2 virtual timer.
        Struct s = ctx.readUpTo(LAYOUT, TableHeader.SIZE, Math.min(ctx.end(), expected) - TableHeader.SIZE, "GTDT");
        if (ctx.end() < expected) {
            ctx.error(
                    ctx.end(),
                    "GTDT: truncated: revision %d needs %d bytes, only %d present",
                    rev,
                    expected,
                    ctx.end());
        }
        if (rev >= 2) {
            ctx.checkReserved(s);
        }
        long count = s.value("platformTimerCount");
        long offset = s.value("platformTimerOffset");
        List<GtdtTable.PlatformTimer> timers = count == 0 ? List.of() : platformTimers(ctx, count, offset, expected, s);
        if (count == 0 && ctx.end() > expected) {
            trailing(ctx, expected, rev);
        }
        frame(ctx, RegionKind.CNT_CONTROL, s, "cntControlBase", "GTDT.cntControlBase");
        frame(ctx, RegionKind.CNT_READ, s, "cntReadBase", "GTDT.cntReadBase");
        return TABLE_RECORD.read(s, ctx.header(), timers);
    }

    /** Bytes after the fixed fields with no platform timer counted: zero padding is noted, anything else warned. */
    private static void trailing(DecodeContext ctx, int from, int rev) {
        boolean zero = true;
        for (long b : ctx.array(from, ctx.end() - from, 1, "GTDT.trailing")) {
            zero &= b == 0;
        }
        if (zero) {
            ctx.info(from, "GTDT: %d zero bytes follow the revision %d fields", ctx.end() - from, rev);
        } else {
            ctx.warning(
                    from,
                    "GTDT: %d bytes follow the revision %d fields but the platform timer count is 0;"
                            + " they are ignored",
                    ctx.end() - from,
                    rev);
        }
    }

    private static List<GtdtTable.PlatformTimer> platformTimers(
            DecodeContext ctx, long count, long offset, int fixedEnd, Struct s) {
        List<GtdtTable.PlatformTimer> out = new ArrayList<>();
        int offsetField = s.offsetOf("platformTimerOffset");
        if (offset < REVISION_END[2] || offset >= ctx.end()) {
            ctx.error(
                    offsetField,
                    "GTDT: platform timer offset 0x%X lies outside the table's timer area"
                            + " (0x%X to 0x%X); %d platform timers cannot be decoded",
                    offset,
                    fixedEnd,
                    ctx.end(),
                    count);
            return out;
        }
        if (offset < fixedEnd) {
            // Kernels before GTDT v3 support decode timers right after the revision 2 fields; later ones
            // (platform_timer_valid with gtdt_v3) reject them. The timers are kept so their frames are known.
            ctx.error(
                    offsetField,
                    "GTDT: platform timer offset 0x%X overlaps the EL2 virtual timer fields of"
                            + " revision %d (up to 0x%X); the timers are decoded from there",
                    offset,
                    ctx.revision(),
                    fixedEnd);
        }
        List<Subtable> subs =
                ctx.subtables(SubtableFormat.TYPE8_LENGTH16, (int) offset, ctx.end(), "GTDT.platformTimer");
        if (subs.size() < count) {
            ctx.error(
                    s.offsetOf("platformTimerCount"),
                    "GTDT: platform timer count is %d, only %d found in the" + " table",
                    count,
                    subs.size());
        } else if (subs.size() > count) {
            ctx.warning(
                    subs.get((int) count).offset(),
                    "GTDT: %d platform timer structures follow the %d the count" + " declares and are ignored",
                    subs.size() - count,
                    count);
        }
        int blocks = 0;
        int watchdogs = 0;
        for (Subtable sub : subs.subList(0, (int) Math.min(count, subs.size()))) {
            if (sub.type() == 0) {
                out.add(gtBlock(ctx, sub, "GTDT.timerBlock[" + blocks++ + "]"));
            } else if (sub.type() == 1) {
                out.add(watchdog(ctx, sub, "GTDT.watchdog[" + watchdogs++ + "]"));
            } else {
                ctx.warning(
                        sub.offset(), "%s: platform timer type %d is not defined by ACPI 6.5", sub.path(), sub.type());
                out.add(new GtdtTable.OtherTimer(sub.type(), sub.length()));
            }
        }
        return out;
    }

    private static GtdtTable.GtBlock gtBlock(DecodeContext ctx, Subtable sub, String path) {
        Struct b = ctx.read(GT_BLOCK, sub);
        ctx.checkReserved(b);
        long count = b.value("timerCount");
        long offset = b.value("timerOffset");
        List<GtdtTable.GtFrame> frames = new ArrayList<>();
        if (count > MAX_FRAMES) {
            ctx.error(b.offsetOf("timerCount"), "%s: %d timer frames, ACPI allows at most %d", path, count, MAX_FRAMES);
        }
        long framesEnd = offset + count * GT_FRAME.size();
        if (count > 0 && (offset < GT_BLOCK.size() || framesEnd > sub.length())) {
            ctx.error(
                    b.offsetOf("timerOffset"),
                    "%s: %d timer frames at offset %d (%d bytes) do not fit in the"
                            + " block's %d bytes after its %d-byte header",
                    path,
                    count,
                    offset,
                    count * GT_FRAME.size(),
                    sub.length(),
                    GT_BLOCK.size());
        } else if (count > 0 && framesEnd != sub.length()) {
            ctx.warning(
                    sub.offset() + 1,
                    "%s: the frames end at offset %d, the block's length is %d",
                    path,
                    framesEnd,
                    sub.length());
        }
        frame(ctx, RegionKind.GT_BLOCK, b, "cntCtlBase", path + ".cntCtlBase");
        if (offset >= GT_BLOCK.size()) {
            long fits = Math.max(0, (sub.length() - offset) / GT_FRAME.size());
            boolean[] used = new boolean[MAX_FRAMES];
            for (int i = 0; i < Math.min(count, fits); i++) {
                String framePath = path + ".frame[" + i + "]";
                Struct f = ctx.read(GT_FRAME, sub.offset() + (int) offset + i * GT_FRAME.size(), framePath);
                ctx.checkReserved(f);
                int number = f.intValue("frameNumber");
                if (number >= MAX_FRAMES) {
                    ctx.error(f.offsetOf("frameNumber"), "%s: frame number %d is above 7", framePath, number);
                } else if (used[number]) {
                    ctx.error(
                            f.offsetOf("frameNumber"),
                            "%s: frame number %d appears twice in the block",
                            framePath,
                            number);
                } else {
                    used[number] = true;
                }
                frames.add(GT_FRAME_RECORD.read(f));
                // gtdt_parse_timer_block / arch_timer_mem_frame_register: CNTBaseN is one 4 KiB frame.
                frame(ctx, RegionKind.GT_FRAME, f, "cntBase", framePath + ".cntBase");
                frame(ctx, RegionKind.GT_EL0_FRAME, f, "cntEl0Base", framePath + ".cntEl0Base");
            }
        }
        return GT_BLOCK_RECORD.read(b, frames);
    }

    private static GtdtTable.Watchdog watchdog(DecodeContext ctx, Subtable sub, String path) {
        Struct w = ctx.read(WATCHDOG, sub);
        ctx.checkReserved(w);
        if (sub.length() > WATCHDOG.size()) {
            ctx.warning(sub.offset() + 1, "%s: length %d, expected %d", path, sub.length(), WATCHDOG.size());
        }
        // gtdt_import_sbsa_gwdt: two 4 KiB memory resources, control frame first, then refresh frame.
        frame(ctx, RegionKind.WATCHDOG_REFRESH, w, "refreshFrame", path + ".refreshFrame");
        frame(ctx, RegionKind.WATCHDOG_CONTROL, w, "controlFrame", path + ".controlFrame");
        return WATCHDOG_RECORD.read(w);
    }

    /** A 4 KiB frame at an address field, unless the field is absent, 0 or all ones ("not provided"). */
    private static void frame(DecodeContext ctx, RegionKind kind, Struct s, String field, String path) {
        long base = s.value(field);
        if (s.has(field) && base != 0 && base != GtdtTable.NOT_PROVIDED) {
            ctx.region(kind, AddressSpace.SYSTEM_MEMORY, base, FRAME, s.offsetOf(field), path);
        }
    }
}
