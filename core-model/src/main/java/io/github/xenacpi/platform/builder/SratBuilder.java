package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.SratTable;
import io.github.xenacpi.acpi.table.decoder.SratDecoder;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Writes an SRAT from affinity records, each through its decoder layout. */
public final class SratBuilder implements TableBuilder {
    private final List<SratTable.Affinity> affinities = new ArrayList<>();
    private long tableRevision = 1;

    /** Adds any affinity structure ({@link SratTable.Other} writes a zero-filled structure of that type). */
    public SratBuilder add(SratTable.Affinity affinity) {
        affinities.add(affinity);
        return this;
    }

    /** Sets the field at offset 36 that the specification requires to be 1. */
    public SratBuilder tableRevision(long value) {
        this.tableRevision = value;
        return this;
    }

    @Override
    public String signature() {
        return "SRAT";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("SRAT", 3, oem)
                .record(SratDecoder.TABLE_RECORD, new SratTable(null, tableRevision, List.of()));
        for (SratTable.Affinity a : affinities) {
            write(w, a);
        }
        return w.finish();
    }

    private static void write(TableWriter w, SratTable.Affinity a) {
        for (Map.Entry<Integer, RecordLayout<? extends Record>> bound : SratDecoder.BOUND.entrySet()) {
            if (bound.getValue().type().isInstance(a)) {
                writeBound(w, bound.getKey(), bound.getValue(), a);
                return;
            }
        }
        if (a instanceof SratTable.ProcessorApic p) {
            byte[] high = {
                (byte) (p.proximityDomain() >>> 8),
                (byte) (p.proximityDomain() >>> 16),
                (byte) (p.proximityDomain() >>> 24)
            };
            start(w, SratDecoder.PROCESSOR_APIC, 0)
                    .set(SratDecoder.PROCESSOR_APIC_RECORD, p)
                    .set("proximityDomainLow", p.proximityDomain() & 0xFF)
                    .set("proximityDomainHigh", high)
                    .write();
        } else if (a instanceof SratTable.Memory m) {
            start(w, SratDecoder.MEMORY, 1).set(SratDecoder.MEMORY_RECORD, m).write();
        } else if (a instanceof SratTable.GenericDomain g) {
            start(w, SratDecoder.GENERIC, g.type())
                    .set(SratDecoder.GENERIC_RECORD, g)
                    .set("handleType", g.handle().handleType())
                    .set("handle", handle(g.handle()))
                    .write();
        } else if (a instanceof SratTable.Other o) {
            w.u8(o.type()).u8(o.length()).zeros(Math.max(0, o.length() - 2));
        }
    }

    /** An affinity structure bound to its record: the type and length framing, then every field of the record. */
    private static <R extends Record> void writeBound(
            TableWriter w, int type, RecordLayout<R> bound, SratTable.Affinity a) {
        start(w, bound.layout(), type).set(bound, bound.type().cast(a)).write();
    }

    private static TableWriter.StructWriter start(TableWriter w, Layout layout, int type) {
        return w.struct(layout).set("type", type).set("length", layout.size());
    }

    private static byte[] handle(SratTable.DeviceHandle h) {
        TableWriter w = TableWriter.headerless();
        w.record(h.handleType() == 0 ? SratDecoder.ACPI_HANDLE_RECORD : SratDecoder.PCI_HANDLE_RECORD, h);
        return Arrays.copyOf(w.toBytes(), 16);
    }
}
