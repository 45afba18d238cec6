package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.McfgDecoder;
import java.util.ArrayList;
import java.util.List;

/** Writes an MCFG with any number of ECAM allocations. */
public final class McfgBuilder implements TableBuilder {
    private final List<long[]> allocations = new ArrayList<>();
    private int revision = 1;

    /** Adds an allocation: ECAM base (of bus 0), PCI segment, and the bus range it decodes. */
    public McfgBuilder allocation(long baseAddress, int segment, int startBus, int endBus) {
        allocations.add(new long[] {baseAddress, segment, startBus, endBus});
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
        for (long[] a : allocations) {
            w.struct(McfgDecoder.ALLOCATION)
                    .set("baseAddress", a[0])
                    .set("segment", a[1])
                    .set("startBus", a[2])
                    .set("endBus", a[3])
                    .write();
        }
        return w.finish();
    }
}
