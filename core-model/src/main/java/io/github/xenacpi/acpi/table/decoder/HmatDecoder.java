package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.table.HmatTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.Subtable;
import io.github.xenacpi.acpi.table.layout.SubtableFormat;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes HMAT. The arrays of the locality and cache structures are sized by their counts and checked against the
 * structure's length; only the elements that fit are decoded. HMAT describes no address range to map.
 */
public final class HmatDecoder implements TableDecoder<HmatTable> {

    /** Offset of the first structure: the header and 4 reserved bytes. */
    public static final int STRUCTURES = 40;

    /** The 4 reserved bytes after the header. */
    public static final Layout BODY = Layout.of("HMAT body").reserved(4).build();

    /** Type 0: memory proximity domain attributes. */
    public static final Layout MEMORY_ATTRIBUTES = Layout.of("HMAT memory proximity domain attributes")
            .u16("type")
            .reserved(2)
            .u32("length")
            .u16("flags")
            .reserved(2)
            .u32("initiatorProximityDomain")
            .u32("memoryProximityDomain")
            .reserved(4)
            .u64("rangeBase")
            .u64("rangeLength")
            .build();
    /** {@link #MEMORY_ATTRIBUTES} bound to its record: the decoder reads and the builder writes through it. */
    public static final RecordLayout<HmatTable.MemoryAttributes> MEMORY_ATTRIBUTES_RECORD =
            RecordLayout.of(HmatTable.MemoryAttributes.class, MEMORY_ATTRIBUTES);

    /** Type 1: system locality latency and bandwidth information, before its arrays. */
    public static final Layout LOCALITY = Layout.of("HMAT locality latency and bandwidth")
            .u16("type")
            .reserved(2)
            .u32("length")
            .u8("flags")
            .u8("dataType")
            .u8("minTransferSize")
            .reserved(1)
            .u32("initiatorCount")
            .u32("targetCount")
            .reserved(4)
            .u64("entryBaseUnit")
            .build();

    /** Type 2: memory side cache information, before its SMBIOS handles. */
    public static final Layout CACHE = Layout.of("HMAT memory side cache")
            .u16("type")
            .reserved(2)
            .u32("length")
            .u32("memoryProximityDomain")
            .reserved(4)
            .u64("cacheSize")
            .u32("cacheAttributes")
            .u16("addressMode")
            .u16("smbiosHandleCount")
            .build();

    /** {@link #LOCALITY} bound to its record; the initiator, target and entry arrays that follow are the decoder's. */
    public static final RecordLayout<HmatTable.Locality> LOCALITY_RECORD =
            RecordLayout.of(HmatTable.Locality.class, LOCALITY, "initiators", "targets", "entries");

    /** {@link #CACHE} bound to its record; the SMBIOS handles that follow are the decoder's. */
    public static final RecordLayout<HmatTable.MemorySideCache> CACHE_RECORD =
            RecordLayout.of(HmatTable.MemorySideCache.class, CACHE, "smbiosHandles");

    @Override
    public String signature() {
        return "HMAT";
    }

    @Override
    public HmatTable decode(DecodeContext ctx) {
        ctx.checkReserved(ctx.read(BODY, TableHeader.SIZE, "HMAT"));
        List<HmatTable.Structure> out = new ArrayList<>();
        for (Subtable sub :
                ctx.subtables(SubtableFormat.TYPE16_PAD16_LENGTH32, STRUCTURES, ctx.end(), "HMAT.structure")) {
            switch (sub.type()) {
                case 0 -> out.add(attributes(ctx, sub));
                case 1 -> out.add(locality(ctx, sub));
                case 2 -> out.add(cache(ctx, sub));
                default -> {
                    ctx.warning(sub.offset(), "%s: unknown structure type %d skipped", sub.path(), sub.type());
                    out.add(new HmatTable.Other(sub.type(), sub.offset(), sub.length()));
                }
            }
        }
        return new HmatTable(ctx.header(), out);
    }

    private static HmatTable.MemoryAttributes attributes(DecodeContext ctx, Subtable sub) {
        Struct s = ctx.read(MEMORY_ATTRIBUTES, sub);
        exactLength(ctx, sub, MEMORY_ATTRIBUTES.size());
        ctx.checkReserved(s);
        HmatTable.MemoryAttributes a = MEMORY_ATTRIBUTES_RECORD.read(s);
        if (ctx.revision() >= 2 && (a.rangeBase() != 0 || a.rangeLength() != 0)) {
            ctx.warning(
                    s.offsetOf("rangeBase"),
                    "%s: the address range fields are reserved since HMAT revision 2" + " and must be zero",
                    sub.path());
        }
        return a;
    }

    private static HmatTable.Locality locality(DecodeContext ctx, Subtable sub) {
        Struct s = ctx.read(LOCALITY, sub);
        ctx.checkReserved(s);
        long initiators = s.value("initiatorCount");
        long targets = s.value("targetCount");
        BigInteger needed = BigInteger.valueOf(initiators)
                .multiply(BigInteger.valueOf(targets))
                .shiftLeft(1)
                .add(BigInteger.valueOf(LOCALITY.size() + 4 * initiators + 4 * targets));
        int fit = Math.max(0, sub.length() - LOCALITY.size());
        int ni = (int) Math.min(initiators, fit / 4);
        int nt = (int) Math.min(targets, (fit - 4L * ni) / 4);
        int ne = (int) Math.min((long) ni * nt, (fit - 4L * ni - 4L * nt) / 2);
        int compared = needed.compareTo(BigInteger.valueOf(sub.length()));
        if (s.isComplete() && compared != 0) {
            if (compared > 0) {
                ctx.error(
                        s.offsetOf("initiatorCount"),
                        "%s: %d initiators and %d targets need %d bytes, the" + " structure has %d",
                        sub.path(),
                        initiators,
                        targets,
                        needed,
                        sub.length());
            } else {
                ctx.warning(
                        sub.offset() + 4,
                        "%s: length %d, but %d initiators and %d targets need %d bytes",
                        sub.path(),
                        sub.length(),
                        initiators,
                        targets,
                        needed);
            }
        }
        int at = sub.offset() + LOCALITY.size();
        long[] init = ctx.array(at, ni, 4, sub.path() + ".initiators");
        long[] targ = ctx.array(at + 4 * ni, nt, 4, sub.path() + ".targets");
        long[] entries = ctx.array(at + 4 * ni + 4 * nt, ne, 2, sub.path() + ".entries");
        int dataType = s.intValue("dataType");
        if (dataType > 5) {
            ctx.warning(s.offsetOf("dataType"), "%s: data type %d is reserved", sub.path(), dataType);
        }
        return LOCALITY_RECORD.read(s, boxed(init), boxed(targ), ints(entries));
    }

    private static HmatTable.MemorySideCache cache(DecodeContext ctx, Subtable sub) {
        Struct s = ctx.read(CACHE, sub);
        ctx.checkReserved(s);
        int count = s.intValue("smbiosHandleCount");
        int fit = Math.max(0, (sub.length() - CACHE.size()) / 2);
        if (s.isComplete() && CACHE.size() + 2L * count != sub.length()) {
            if (count > fit) {
                ctx.error(
                        s.offsetOf("smbiosHandleCount"),
                        "%s: %d SMBIOS handles need %d bytes, the structure" + " has %d",
                        sub.path(),
                        count,
                        CACHE.size() + 2 * count,
                        sub.length());
            } else {
                ctx.warning(
                        sub.offset() + 4,
                        "%s: length %d, but %d SMBIOS handles need %d bytes",
                        sub.path(),
                        sub.length(),
                        count,
                        CACHE.size() + 2 * count);
            }
        }
        long[] handles = ctx.array(sub.offset() + CACHE.size(), Math.min(count, fit), 2, sub.path() + ".smbios");
        return CACHE_RECORD.read(s, ints(handles));
    }

    private static void exactLength(DecodeContext ctx, Subtable sub, int expected) {
        if (sub.length() > expected) {
            ctx.warning(sub.offset() + 4, "%s: length %d, expected %d", sub.path(), sub.length(), expected);
        }
    }

    private static List<Long> boxed(long[] values) {
        List<Long> out = new ArrayList<>(values.length);
        for (long v : values) {
            out.add(v);
        }
        return out;
    }

    private static List<Integer> ints(long[] values) {
        List<Integer> out = new ArrayList<>(values.length);
        for (long v : values) {
            out.add((int) v);
        }
        return out;
    }
}
