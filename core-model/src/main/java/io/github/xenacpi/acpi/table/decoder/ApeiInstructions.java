package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.ApeiInstruction;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.EntryCount;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.ReservedBits;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The 32-byte instruction entry list ERST and EINJ share, after their 12-byte bodies: the entry layout and the
 * walk that checks the entry count and records one register region per distinct register.
 */
public final class ApeiInstructions {

    /** Offset of the first entry in both tables. */
    public static final int ENTRIES = TableHeader.SIZE + 12;

    /** One instruction entry. */
    public static final Layout ENTRY = Layout.of("APEI instruction entry")
            .u8("action")
            .u8("instruction")
            .u8("flags")
            .reserved(1)
            .gas("register")
            .u64("value")
            .u64("mask")
            .build();

    /** {@link #ENTRY} bound to its record: the decoder reads and the ERST and EINJ builders write through it. */
    public static final RecordLayout<ApeiInstruction> ENTRY_RECORD = GenericAddress.bind(ApeiInstruction.class, ENTRY);

    /** Entry flags bit 0: preserve the register's other bits; the others are reserved. */
    static final int PRESERVE_REGISTER = 1;

    /** Header lengths Linux accepts (erst_check_table, einj_check_table): the body alone or the whole header. */
    static final int BODY_LENGTH = 12;

    static final int WHOLE_HEADER_LENGTH = ENTRIES;

    private ApeiInstructions() {}

    /** Checks the header length field of a table whose body starts with it. */
    static void checkHeaderLength(DecodeContext ctx, String table, long headerLength) {
        if (headerLength != BODY_LENGTH && headerLength != WHOLE_HEADER_LENGTH) {
            ctx.error(
                    TableHeader.SIZE,
                    "%s: header length %d, expected %d (or %d, which Linux also accepts)",
                    table,
                    headerLength,
                    BODY_LENGTH,
                    WHOLE_HEADER_LENGTH);
        }
    }

    /**
     * Decodes every whole entry present, checks {@code count} (at {@code countOffset}) against them and the
     * action and instruction codes against what the table defines, and records one {@code kind} region per distinct
     * register (its own address space kept).
     */
    static List<ApeiInstruction> decode(
            DecodeContext ctx,
            String table,
            long count,
            int countOffset,
            IntPredicate validAction,
            int lastInstruction,
            RegionKind kind) {
        int fit = EntryCount.check(ctx, table, ENTRIES, ENTRY.size(), count, countOffset);
        List<ApeiInstruction> out = new ArrayList<>();
        Map<List<Long>, Integer> seen = new HashMap<>();
        for (int i = 0; i < fit; i++) {
            String path = table + ".entry[" + i + "]";
            Struct s = ctx.read(ENTRY, ENTRIES + i * ENTRY.size(), path);
            ctx.checkReserved(s);
            ApeiInstruction e = ENTRY_RECORD.read(s);
            GenericAddress gas = e.register();
            out.add(e);
            ReservedBits.check(ctx, s.offsetOf("flags"), path, "flags", e.flags(), PRESERVE_REGISTER);
            if (!validAction.test(e.action())) {
                ctx.warning(s.offsetOf("action"), "%s: action 0x%X is not defined for %s", path, e.action(), table);
            }
            if (e.instruction() > lastInstruction) {
                ctx.warning(
                        s.offsetOf("instruction"),
                        "%s: instruction 0x%X is not defined (the last is 0x%X)",
                        path,
                        e.instruction(),
                        lastInstruction);
            }
            if (gas.address() == 0) {
                continue;
            }
            GasRegisters.checkApei(ctx, gas, s.offsetOf("register"), path + ".register");
            List<Long> key = List.of((long) gas.spaceId(), gas.address(), GasRegisters.width(gas));
            if (seen.putIfAbsent(key, i) == null) {
                // apei_exec_pre_map_gars: every entry's register is mapped (acpi_os_map_generic_address).
                GasRegisters.region(ctx, kind, gas, s.offsetOf("register"), path + ".register");
            }
        }
        return out;
    }
}
