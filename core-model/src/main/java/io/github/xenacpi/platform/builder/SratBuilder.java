package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.SratDecoder;
import io.github.xenacpi.acpi.table.SratTable;
import io.github.xenacpi.acpi.table.layout.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
                .struct(SratDecoder.BODY).set("tableRevision", tableRevision).write();
        for (SratTable.Affinity a : affinities) {
            write(w, a);
        }
        return w.finish();
    }

    private static void write(TableWriter w, SratTable.Affinity a) {
        if (a instanceof SratTable.ProcessorApic p) {
            byte[] high = {(byte) (p.proximityDomain() >>> 8), (byte) (p.proximityDomain() >>> 16),
                    (byte) (p.proximityDomain() >>> 24)};
            start(w, SratDecoder.PROCESSOR_APIC, 0).set("proximityDomainLow", p.proximityDomain() & 0xFF)
                    .set("apicId", p.apicId()).set("flags", p.flags()).set("sapicEid", p.sapicEid())
                    .set("proximityDomainHigh", high).set("clockDomain", p.clockDomain()).write();
        } else if (a instanceof SratTable.Memory m) {
            start(w, SratDecoder.MEMORY, 1).set("proximityDomain", m.proximityDomain()).set("base", m.base())
                    .set("rangeLength", m.length()).set("flags", m.flags()).write();
        } else if (a instanceof SratTable.X2Apic x) {
            start(w, SratDecoder.X2APIC, 2).set("proximityDomain", x.proximityDomain())
                    .set("x2apicId", x.x2apicId()).set("flags", x.flags()).set("clockDomain", x.clockDomain()).write();
        } else if (a instanceof SratTable.Gicc g) {
            start(w, SratDecoder.GICC, 3).set("proximityDomain", g.proximityDomain())
                    .set("acpiProcessorUid", g.acpiProcessorUid()).set("flags", g.flags())
                    .set("clockDomain", g.clockDomain()).write();
        } else if (a instanceof SratTable.GicIts i) {
            start(w, SratDecoder.GIC_ITS, 4).set("proximityDomain", i.proximityDomain()).set("itsId", i.itsId())
                    .write();
        } else if (a instanceof SratTable.GenericDomain g) {
            start(w, SratDecoder.GENERIC, g.type()).set("handleType", g.handle().handleType())
                    .set("proximityDomain", g.proximityDomain()).set("handle", handle(g.handle()))
                    .set("flags", g.flags()).write();
        } else if (a instanceof SratTable.Rintc r) {
            start(w, SratDecoder.RINTC, 7).set("proximityDomain", r.proximityDomain())
                    .set("acpiProcessorUid", r.acpiProcessorUid()).set("flags", r.flags())
                    .set("clockDomain", r.clockDomain()).write();
        } else if (a instanceof SratTable.Other o) {
            w.u8(o.type()).u8(o.length()).zeros(Math.max(0, o.length() - 2));
        }
    }

    private static TableWriter.StructWriter start(TableWriter w, Layout layout,
                                                  int type) {
        return w.struct(layout).set("type", type).set("length", layout.size());
    }

    private static byte[] handle(SratTable.DeviceHandle h) {
        TableWriter w = TableWriter.headerless();
        if (h.handleType() == 0) {
            w.struct(SratDecoder.ACPI_HANDLE).set("hid", h.acpiHid()).set("uid", h.acpiUid()).write();
        } else {
            w.struct(SratDecoder.PCI_HANDLE).set("segment", h.pciSegment()).set("bdf", h.pciBdf()).write();
        }
        return Arrays.copyOf(w.toBytes(), 16);
    }
}
