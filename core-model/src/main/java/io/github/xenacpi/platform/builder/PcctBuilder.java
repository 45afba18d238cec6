package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.PcctTable;
import io.github.xenacpi.acpi.table.PcctTable.Subspace;
import io.github.xenacpi.acpi.table.decoder.PcctDecoder;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import java.util.ArrayList;
import java.util.List;

/** Writes a PCCT from subspace records, each through its type's layout with the length set to its size. */
public final class PcctBuilder implements TableBuilder {
    private final List<Subspace> subspaces = new ArrayList<>();
    private long flags;
    private int revision = 2;

    public PcctBuilder flags(long value) {
        this.flags = value;
        return this;
    }

    public PcctBuilder revision(int value) {
        this.revision = value;
        return this;
    }

    /** Appends one subspace; an {@link PcctTable.Unknown} one is written as its type, length and zeros. */
    public PcctBuilder subspace(Subspace subspace) {
        subspaces.add(subspace);
        return this;
    }

    @Override
    public String signature() {
        return "PCCT";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("PCCT", revision, oem)
                .struct(PcctDecoder.BODY)
                .set("flags", flags)
                .write();
        for (Subspace s : subspaces) {
            write(w, s);
        }
        return w.finish();
    }

    private static void write(TableWriter w, Subspace subspace) {
        if (subspace instanceof PcctTable.Generic s) {
            write(w, PcctDecoder.GENERIC_RECORD, s);
        } else if (subspace instanceof PcctTable.HwReduced s) {
            write(w, s.type() == 2 ? PcctDecoder.HW_REDUCED_2_RECORD : PcctDecoder.HW_REDUCED_RECORD, s);
        } else if (subspace instanceof PcctTable.Extended s) {
            write(w, PcctDecoder.EXTENDED_RECORD, s);
        } else if (subspace instanceof PcctTable.HwRegisters s) {
            write(w, PcctDecoder.HW_REGISTERS_RECORD, s);
        } else if (subspace instanceof PcctTable.Unknown s) {
            w.u8(s.type()).u8(s.length()).zeros(Math.max(0, s.length() - 2));
        }
    }

    /** A subspace through its type's binding, with the length set to the layout's size; absent registers are 0. */
    private static <R extends Record & Subspace> void write(TableWriter w, RecordLayout<R> bound, R s) {
        w.struct(bound.layout())
                .set("type", s.type())
                .set("length", bound.layout().size())
                .set(bound, s)
                .write();
    }
}
