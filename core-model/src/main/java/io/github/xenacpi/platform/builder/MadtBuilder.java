package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.decoder.MadtDecoder;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes a MADT from {@link MadtTable.Structure} records, each through the decoder's layout for its type. */
public final class MadtBuilder implements TableBuilder {
    private final List<MadtTable.Structure> structures = new ArrayList<>();
    private int revision = 5;
    private long localInterruptControllerAddress;
    private long flags;

    public MadtBuilder revision(int value) {
        this.revision = value;
        return this;
    }

    public MadtBuilder localInterruptControllerAddress(long value) {
        this.localInterruptControllerAddress = value;
        return this;
    }

    public MadtBuilder flags(long value) {
        this.flags = value;
        return this;
    }

    /** Appends a structure; a {@link MadtTable.Gicc} is written with its own length (76, 80 or 82). */
    public MadtBuilder add(MadtTable.Structure structure) {
        structures.add(structure);
        return this;
    }

    /** A GICv3 GICC of ACPI 6.5 length for one enabled CPU with its redistributor. */
    public MadtBuilder gicc(long processorUid, long mpidr, long gicrBaseAddress) {
        return add(MadtTable.Gicc.builder()
                .processorUid(processorUid)
                .flags(MadtTable.Gicc.ENABLED)
                .performanceInterruptGsiv(23)
                .vgicMaintenanceInterrupt(25)
                .gicrBaseAddress(gicrBaseAddress)
                .mpidr(mpidr)
                .build());
    }

    @Override
    public String signature() {
        return "APIC";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("APIC", revision, oem);
        w.struct(MadtDecoder.LAYOUT)
                .set("localInterruptControllerAddress", localInterruptControllerAddress)
                .set("flags", flags)
                .write();
        for (MadtTable.Structure s : structures) {
            write(w, s);
        }
        return w.finish();
    }

    private static void write(TableWriter w, MadtTable.Structure structure) {
        RecordLayout<? extends Record> bound = MadtDecoder.BOUND.get(structure.type());
        if (bound != null && bound.type().isInstance(structure)) {
            writeBound(w, bound, structure);
        } else if (structure instanceof MadtTable.LocalSapic s) {
            byte[] uid = s.uidString().getBytes(StandardCharsets.US_ASCII);
            w.struct(MadtDecoder.LOCAL_SAPIC)
                    .set("type", s.type())
                    .set("length", MadtDecoder.LOCAL_SAPIC.size() + uid.length + 1L)
                    .set(MadtDecoder.LOCAL_SAPIC_RECORD, s)
                    .write();
            w.bytes(uid).u8(0);
        } else if (structure instanceof MadtTable.Gicc s) {
            writeGicc(w, s);
        } else if (structure instanceof MadtTable.Other s) {
            w.u8(s.type()).u8(s.length()).zeros(Math.max(0, s.length() - 2));
        }
    }

    /** A structure bound to its record: the type and length framing, then every field from the record. */
    private static <R extends Record> void writeBound(TableWriter w, RecordLayout<R> bound, MadtTable.Structure s) {
        start(w, bound.layout(), s).set(bound, bound.type().cast(s)).write();
    }

    private static TableWriter.StructWriter start(TableWriter w, Layout layout, MadtTable.Structure s) {
        return w.struct(layout).set("type", s.type()).set("length", layout.size());
    }

    private static void writeGicc(TableWriter w, MadtTable.Gicc s) {
        byte[] full = TableWriter.headerless()
                .struct(MadtDecoder.GICC)
                .set("type", s.type())
                .set("length", s.length())
                .set(MadtDecoder.GICC_RECORD, s)
                .write()
                .toBytes();
        w.bytes(Arrays.copyOf(full, s.length()));
    }
}
