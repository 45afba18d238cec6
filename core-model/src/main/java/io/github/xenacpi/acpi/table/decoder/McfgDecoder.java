package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.McfgTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.List;

/** Decodes MCFG; each allocation yields an {@link RegionKind#ECAM} region of (end - start + 1) MiB. */
public final class McfgDecoder implements TableDecoder<McfgTable> {

    /** Offset of the first allocation: the header and 8 reserved bytes. */
    public static final int ALLOCATIONS = 44;

    /** One allocation structure. */
    public static final Layout ALLOCATION = Layout.of("MCFG allocation")
            .u64("baseAddress")
            .u16("segment")
            .u8("startBus")
            .u8("endBus")
            .reserved(4)
            .build();

    /** {@link #ALLOCATION} bound to its record: the decoder reads and the builder writes through it. */
    public static final RecordLayout<McfgTable.Allocation> ALLOCATION_RECORD =
            RecordLayout.of(McfgTable.Allocation.class, ALLOCATION);

    @Override
    public String signature() {
        return "MCFG";
    }

    @Override
    public McfgTable decode(DecodeContext ctx) {
        List<McfgTable.Allocation> out = new ArrayList<>();
        int bytes = ctx.end() - ALLOCATIONS;
        if (bytes < 0) {
            ctx.error(TableHeader.SIZE, "MCFG: truncated before its first allocation");
            return new McfgTable(ctx.header(), out);
        }
        if (bytes % ALLOCATION.size() != 0) {
            ctx.error(
                    ALLOCATIONS + (long) bytes / ALLOCATION.size() * ALLOCATION.size(),
                    "MCFG: %d trailing bytes are not a whole allocation",
                    bytes % ALLOCATION.size());
        }
        for (int i = 0; i < bytes / ALLOCATION.size(); i++) {
            String path = "MCFG.allocation[" + i + "]";
            Struct s = ctx.read(ALLOCATION, ALLOCATIONS + i * ALLOCATION.size(), path);
            McfgTable.Allocation a = ALLOCATION_RECORD.read(s);
            if (a.endBus() < a.startBus()) {
                ctx.error(s.offsetOf("endBus"), "%s: end bus %d is below start bus %d", path, a.endBus(), a.startBus());
            }
            ctx.checkReserved(s);
            out.add(a);
            // pci_mcfg_lookup/pci_ecam_create map (end - start + 1) buses x 1 MiB from the allocation's base.
            ctx.region(
                    RegionKind.ECAM,
                    AddressSpace.SYSTEM_MEMORY,
                    a.baseAddress() + ((long) a.startBus() << 20),
                    a.ecamLength(),
                    s.offsetOf("baseAddress"),
                    path);
        }
        return new McfgTable(ctx.header(), out);
    }
}
