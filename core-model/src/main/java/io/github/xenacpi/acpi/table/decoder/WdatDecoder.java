package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.WdatTable;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.EntryCount;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.ReservedBits;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Decodes WDAT; each distinct register of its instructions yields a {@link RegionKind#WDAT_REGISTER} region. */
public final class WdatDecoder implements TableDecoder<WdatTable> {

    /** The watchdog header after the standard header. */
    public static final Layout BODY = Layout.of("WDAT body")
            .u32("headerLength")
            .u16("pciSegment")
            .u8("pciBus")
            .u8("pciDevice")
            .u8("pciFunction")
            .reserved(3)
            .u32("timerPeriod")
            .u32("maxCount")
            .u32("minCount")
            .u8("flags")
            .reserved(3)
            .u32("entryCount")
            .build();

    /** Offset of the first instruction entry. */
    public static final int ENTRIES = TableHeader.SIZE + 32;

    /** One watchdog instruction entry. */
    public static final Layout ENTRY = Layout.of("WDAT instruction entry")
            .u8("action")
            .u8("instruction")
            .reserved(2)
            .gas("register")
            .u32("value")
            .u32("mask")
            .build();

    /** {@link #ENTRY} bound to its record: the decoder reads and the builder writes through it. */
    public static final RecordLayout<WdatTable.Entry> ENTRY_RECORD = GenericAddress.bind(WdatTable.Entry.class, ENTRY);

    /** {@link #BODY} bound to the table's record; the entries that follow are the decoder's. */
    public static final RecordLayout<WdatTable> TABLE_RECORD =
            RecordLayout.of(WdatTable.class, BODY, "header", "entries");

    /** The watchdog actions the WDAT specification defines. */
    static final Set<Integer> ACTIONS =
            Set.of(0x1, 0x4, 0x5, 0x6, 0x8, 0x9, 0xA, 0xB, 0x10, 0x11, 0x12, 0x13, 0x20, 0x21);
    /** The last instruction (WRITE_COUNTDOWN); bit 7 (PRESERVE_REGISTER) may be set on top. */
    static final int LAST_INSTRUCTION = 3;

    static final int PRESERVE_REGISTER = 0x80;

    @Override
    public String signature() {
        return "WDAT";
    }

    @Override
    public WdatTable decode(DecodeContext ctx) {
        Struct b = ctx.read(BODY, TableHeader.SIZE, "WDAT");
        List<WdatTable.Entry> entries = new ArrayList<>();
        if (b.isComplete()) {
            ctx.checkReserved(b);
            WdatTable fields = TABLE_RECORD.read(b, ctx.header(), entries);
            check(ctx, b, fields);
            int fit =
                    EntryCount.check(ctx, "WDAT", ENTRIES, ENTRY.size(), fields.entryCount(), b.offsetOf("entryCount"));
            Set<List<Long>> seen = new HashSet<>();
            for (int i = 0; i < fit; i++) {
                entries.add(entry(ctx, i, seen));
            }
        }
        return TABLE_RECORD.read(b, ctx.header(), entries);
    }

    /** The watchdog header's checks, on its fields as the table's record holds them. */
    private static void check(DecodeContext ctx, Struct b, WdatTable t) {
        if (t.headerLength() != BODY.size()) {
            ctx.error(
                    b.offsetOf("headerLength"),
                    "WDAT: watchdog header length %d, expected %d",
                    t.headerLength(),
                    BODY.size());
        }
        ReservedBits.check(
                ctx,
                b.offsetOf("flags"),
                "WDAT",
                "watchdog flags",
                t.flags(),
                WdatTable.FLAG_ENABLED | WdatTable.FLAG_STOPPED_IN_SLEEP);
        if (t.timerPeriod() == 0) {
            ctx.error(b.offsetOf("timerPeriod"), "WDAT: timer period is 0 ms");
        }
        if (t.minCount() > t.maxCount()) {
            ctx.error(
                    b.offsetOf("minCount"),
                    "WDAT: minimum count %d is above maximum count %d",
                    t.minCount(),
                    t.maxCount());
        }
    }

    private static WdatTable.Entry entry(DecodeContext ctx, int i, Set<List<Long>> seen) {
        String path = "WDAT.entry[" + i + "]";
        Struct s = ctx.read(ENTRY, ENTRIES + i * ENTRY.size(), path);
        ctx.checkReserved(s);
        WdatTable.Entry e = ENTRY_RECORD.read(s);
        if (!ACTIONS.contains(e.action())) {
            ctx.warning(s.offsetOf("action"), "%s: watchdog action 0x%X is not defined", path, e.action());
        }
        if ((e.instruction() & ~PRESERVE_REGISTER) > LAST_INSTRUCTION) {
            ctx.warning(s.offsetOf("instruction"), "%s: instruction 0x%X is not defined", path, e.instruction());
        }
        GenericAddress g = e.register();
        if (g.address() != 0 && seen.add(List.of((long) g.spaceId(), g.address(), g.byteLength()))) {
            // acpi_watchdog_init: each register becomes a resource of ACPI_ACCESS_BYTE_WIDTH(access_width) bytes
            // of the "wdat_wdt" platform device, so Xen's BUS_NOTIFY_ADD_DEVICE hook maps them.
            GasRegisters.fieldRegion(ctx, RegionKind.WDAT_REGISTER, s, "register", path + ".register");
        }
        return e;
    }
}
