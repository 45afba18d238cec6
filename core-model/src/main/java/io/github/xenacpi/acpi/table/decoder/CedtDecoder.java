package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.CedtTable;
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
 * Decodes CEDT. Each host bridge structure yields a {@link RegionKind#CXL_HOST_BRIDGE} region of its register
 * block (base and length from the structure, as {@code cxl_acpi} maps it). Fixed memory windows are host memory
 * (CXL-attached RAM or persistent memory), not register space, and are reported in the record only.
 */
public final class CedtDecoder implements TableDecoder<CedtTable> {

    /** CHBS length a CXL 1.1 host bridge's RCRB must have. */
    public static final long RCRB_LENGTH = 8 * 1024;
    /** CHBS length a CXL 2.0+ host bridge's component register block must have. */
    public static final long CHBCR_LENGTH = 64 * 1024;

    /** Type 0: CXL Host Bridge Structure. */
    public static final Layout HOST_BRIDGE = Layout.of("CEDT host bridge")
            .u8("type")
            .reserved(1)
            .u16("length")
            .u32("uid")
            .u32("cxlVersion")
            .reserved(4)
            .u64("base")
            .u64("registerLength")
            .build();

    /** Type 1: CXL Fixed Memory Window Structure, before its interleave target list. */
    public static final Layout WINDOW = Layout.of("CEDT fixed memory window")
            .u8("type")
            .reserved(1)
            .u16("length")
            .reserved(4)
            .u64("baseHpa")
            .u64("windowSize")
            .u8("encodedWays")
            .u8("arithmetic")
            .reserved(2)
            .u32("encodedGranularity")
            .u16("restrictions")
            .u16("qtgId")
            .build();

    /** {@link #HOST_BRIDGE} bound to its record, whose {@code length} is the register block's. */
    public static final RecordLayout<CedtTable.HostBridge> HOST_BRIDGE_RECORD = RecordLayout.binder(
                    CedtTable.HostBridge.class, HOST_BRIDGE)
            .field("length", "registerLength")
            .build();

    /**
     * {@link #WINDOW} bound to its record, the interleave targets that follow it supplied by the decoder and
     * written by the builder.
     */
    public static final RecordLayout<CedtTable.FixedMemoryWindow> WINDOW_RECORD =
            RecordLayout.of(CedtTable.FixedMemoryWindow.class, WINDOW, "targets");

    @Override
    public String signature() {
        return "CEDT";
    }

    @Override
    public CedtTable decode(DecodeContext ctx) {
        List<CedtTable.Structure> out = new ArrayList<>();
        for (Subtable sub :
                ctx.subtables(SubtableFormat.TYPE8_PAD8_LENGTH16, TableHeader.SIZE, ctx.end(), "CEDT.structure")) {
            switch (sub.type()) {
                case 0 -> out.add(hostBridge(ctx, sub));
                case 1 -> out.add(window(ctx, sub));
                default -> {
                    if (sub.type() > 4) {
                        ctx.warning(sub.offset(), "%s: unknown structure type %d skipped", sub.path(), sub.type());
                    }
                    out.add(new CedtTable.Other(sub.type(), sub.offset(), sub.length()));
                }
            }
        }
        return new CedtTable(ctx.header(), out);
    }

    private static CedtTable.HostBridge hostBridge(DecodeContext ctx, Subtable sub) {
        Struct s = ctx.read(HOST_BRIDGE, sub);
        ctx.checkReserved(s);
        CedtTable.HostBridge h = HOST_BRIDGE_RECORD.read(s);
        if (!s.has("registerLength")) {
            return h;
        }
        long expected = h.cxlVersion() == 0 ? RCRB_LENGTH : h.cxlVersion() == 1 ? CHBCR_LENGTH : -1;
        if (expected < 0) {
            ctx.warning(
                    s.offsetOf("cxlVersion"),
                    "%s: CXL version %d is neither 0 (CXL 1.1) nor 1 (CXL 2.0+)",
                    sub.path(),
                    h.cxlVersion());
        } else if (h.length() != expected) {
            ctx.warning(
                    s.offsetOf("registerLength"),
                    "%s: register block length 0x%X, expected 0x%X for CXL" + " version %d",
                    sub.path(),
                    h.length(),
                    expected,
                    h.cxlVersion());
        }
        if (h.base() == 0) {
            ctx.error(s.offsetOf("base"), "%s: register block base is zero", sub.path());
        } else if (h.length() < 0 || Long.compareUnsigned(h.base() + h.length() - 1, h.base()) < 0) {
            ctx.error(
                    s.offsetOf("registerLength"),
                    "%s: register block 0x%X + 0x%X wraps past the end of the" + " address space",
                    sub.path(),
                    h.base(),
                    h.length());
        } else if (h.length() > 0) {
            ctx.region(
                    RegionKind.CXL_HOST_BRIDGE,
                    AddressSpace.SYSTEM_MEMORY,
                    h.base(),
                    h.length(),
                    s.offsetOf("base"),
                    sub.path());
        }
        return h;
    }

    private static CedtTable.FixedMemoryWindow window(DecodeContext ctx, Subtable sub) {
        Struct s = ctx.read(WINDOW, sub);
        ctx.checkReserved(s);
        int eniw = s.intValue("encodedWays");
        int ways = ways(eniw);
        if (s.has("encodedWays") && ways < 0) {
            ctx.error(s.offsetOf("encodedWays"), "%s: encoded interleave ways %d is reserved", sub.path(), eniw);
        }
        List<Long> targets = new ArrayList<>();
        if (s.isComplete() && ways > 0) {
            long needed = WINDOW.size() + 4L * ways;
            int fit = (sub.length() - WINDOW.size()) / 4;
            if (needed != sub.length()) {
                ctx.error(
                        sub.offset() + 2,
                        "%s: %d interleave ways need %d bytes, the structure has %d",
                        sub.path(),
                        ways,
                        needed,
                        sub.length());
            }
            for (long t : ctx.array(sub.offset() + WINDOW.size(), Math.min(ways, fit), 4, sub.path() + ".targets")) {
                targets.add(t);
            }
        }
        return WINDOW_RECORD.read(s, targets);
    }

    /** Interleave ways for an encoded value: 0-4 are 1 to 16 ways, 8-10 are 3, 6 and 12; -1 when reserved. */
    public static int ways(int encoded) {
        if (encoded >= 0 && encoded <= 4) {
            return 1 << encoded;
        }
        if (encoded >= 8 && encoded <= 10) {
            return 3 << (encoded - 8);
        }
        return -1;
    }
}
