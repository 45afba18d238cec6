package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.HmatTable;
import io.github.xenacpi.acpi.table.decoder.HmatDecoder;
import java.util.ArrayList;
import java.util.List;

/** Writes an HMAT from structure records; array lengths and structure lengths follow from the lists. */
public final class HmatBuilder implements TableBuilder {
    private final List<HmatTable.Structure> structures = new ArrayList<>();
    private int revision = 2;

    /** Adds a structure ({@link HmatTable.Other} writes a zero-filled structure of that type and length). */
    public HmatBuilder add(HmatTable.Structure structure) {
        structures.add(structure);
        return this;
    }

    public HmatBuilder revision(int value) {
        this.revision = value;
        return this;
    }

    @Override
    public String signature() {
        return "HMAT";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("HMAT", revision, oem)
                .struct(HmatDecoder.BODY)
                .write();
        for (HmatTable.Structure s : structures) {
            if (s instanceof HmatTable.MemoryAttributes a) {
                w.struct(HmatDecoder.MEMORY_ATTRIBUTES)
                        .set("type", 0)
                        .set("length", HmatDecoder.MEMORY_ATTRIBUTES.size())
                        .set(HmatDecoder.MEMORY_ATTRIBUTES_RECORD, a)
                        .write();
            } else if (s instanceof HmatTable.Locality l) {
                int length = HmatDecoder.LOCALITY.size()
                        + 4 * l.initiators().size()
                        + 4 * l.targets().size()
                        + 2 * l.entries().size();
                w.struct(HmatDecoder.LOCALITY)
                        .set("type", 1)
                        .set("length", length)
                        .set(HmatDecoder.LOCALITY_RECORD, l)
                        .set("initiatorCount", l.initiators().size())
                        .set("targetCount", l.targets().size())
                        .write();
                l.initiators().forEach(w::u32);
                l.targets().forEach(w::u32);
                l.entries().forEach(w::u16);
            } else if (s instanceof HmatTable.MemorySideCache c) {
                w.struct(HmatDecoder.CACHE)
                        .set("type", 2)
                        .set(
                                "length",
                                HmatDecoder.CACHE.size() + 2 * c.smbiosHandles().size())
                        .set(HmatDecoder.CACHE_RECORD, c)
                        .set("smbiosHandleCount", c.smbiosHandles().size())
                        .write();
                c.smbiosHandles().forEach(w::u16);
            } else if (s instanceof HmatTable.Other o) {
                w.u16(o.type()).u16(0).u32(o.length()).zeros(Math.max(0, o.length() - 8));
            }
        }
        return w.finish();
    }
}
