package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.CedtTable;
import io.github.xenacpi.acpi.table.decoder.CedtDecoder;
import java.util.ArrayList;
import java.util.List;

/** Writes a CEDT from host bridge and fixed memory window records. */
public final class CedtBuilder implements TableBuilder {
    private final List<CedtTable.Structure> structures = new ArrayList<>();

    /** Adds a structure ({@link CedtTable.Other} writes a zero-filled structure of that type and length). */
    public CedtBuilder add(CedtTable.Structure structure) {
        structures.add(structure);
        return this;
    }

    @Override
    public String signature() {
        return "CEDT";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("CEDT", 1, oem);
        for (CedtTable.Structure s : structures) {
            if (s instanceof CedtTable.HostBridge h) {
                w.struct(CedtDecoder.HOST_BRIDGE)
                        .set("type", 0)
                        .set("length", CedtDecoder.HOST_BRIDGE.size())
                        .set(CedtDecoder.HOST_BRIDGE_RECORD, h)
                        .write();
            } else if (s instanceof CedtTable.FixedMemoryWindow f) {
                w.struct(CedtDecoder.WINDOW)
                        .set("type", 1)
                        .set(
                                "length",
                                CedtDecoder.WINDOW.size() + 4 * f.targets().size())
                        .set(CedtDecoder.WINDOW_RECORD, f)
                        .write();
                f.targets().forEach(w::u32);
            } else if (s instanceof CedtTable.Other o) {
                w.u8(o.type()).u8(0).u16(o.length()).zeros(Math.max(0, o.length() - 4));
            }
        }
        return w.finish();
    }
}
