package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.McfgTable;
import io.github.xenacpi.acpi.table.decoder.McfgDecoder;
import java.util.ArrayList;
import java.util.List;

/** Writes an MCFG with any number of ECAM allocations, through the decoder's binding of the allocation record. */
public final class McfgBuilder implements TableBuilder {
    private final List<McfgTable.Allocation> allocations = new ArrayList<>();
    private int revision = 1;

    /** Adds an allocation: ECAM base (of bus 0), PCI segment, and the bus range it decodes. */
    public McfgBuilder allocation(long baseAddress, int segment, int startBus, int endBus) {
        return allocation(new McfgTable.Allocation(baseAddress, segment, startBus, endBus));
    }

    /** Adds an allocation. */
    public McfgBuilder allocation(McfgTable.Allocation allocation) {
        allocations.add(allocation);
        return this;
    }

    public McfgBuilder revision(int value) {
        this.revision = value;
        return this;
    }

    @Override
    public String signature() {
        return "MCFG";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("MCFG", revision, oem).zeros(8);
        allocations.forEach(a -> w.record(McfgDecoder.ALLOCATION_RECORD, a));
        return w.finish();
    }
}
