package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.PcctTable;
import io.github.xenacpi.acpi.table.PcctTable.Subspace;
import io.github.xenacpi.acpi.table.decoder.PcctDecoder;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a PCCT from subspace records, each through its type's layout with the length set to its size. The bytes
 * cannot say that a register or the platform interrupt is absent: the decoder reads zeros as an all-zero register
 * (not null), so a subspace with a null one where its type has it is refused rather than written as zeros that
 * would not decode to it, and so is a type 1 subspace with an acknowledge register (type 1 has none).
 */
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
            present(s, s.doorbell());
            write(w, PcctDecoder.GENERIC_RECORD, s);
        } else if (subspace instanceof PcctTable.HwReduced s) {
            if (s.type() == 2) {
                present(s, s.interrupt(), s.doorbell(), s.interruptAck());
            } else if (s.interruptAck() != null) {
                throw new IllegalArgumentException("a type 1 PCC subspace has no acknowledge register: " + s);
            } else {
                present(s, s.interrupt(), s.doorbell());
            }
            write(w, s.type() == 2 ? PcctDecoder.HW_REDUCED_2_RECORD : PcctDecoder.HW_REDUCED_RECORD, s);
        } else if (subspace instanceof PcctTable.Extended s) {
            present(
                    s,
                    s.interrupt(),
                    s.doorbell(),
                    s.interruptAck(),
                    s.commandCompleteCheck(),
                    s.commandCompleteUpdate(),
                    s.errorStatus());
            write(w, PcctDecoder.EXTENDED_RECORD, s);
        } else if (subspace instanceof PcctTable.HwRegisters s) {
            present(s, s.doorbell(), s.commandCompleteCheck(), s.errorStatus());
            write(w, PcctDecoder.HW_REGISTERS_RECORD, s);
        } else if (subspace instanceof PcctTable.Unknown s) {
            w.u8(s.type()).u8(s.length()).zeros(Math.max(0, s.length() - 2));
        }
    }

    /** Refuses a null register, register address or platform interrupt, which zeros would not decode to. */
    private static void present(Subspace s, Record... parts) {
        for (Record part : parts) {
            boolean absent = part == null
                    || (part instanceof PcctTable.RegisterWrite r && r.register() == null)
                    || (part instanceof PcctTable.RegisterMask m && m.register() == null);
            if (absent) {
                throw new IllegalArgumentException("a PCC subspace of type " + s.type()
                        + " has every register and its platform interrupt; an absent one is all zeros, not null: "
                        + s);
            }
        }
    }

    /** A subspace through its type's binding, with the length set to the layout's size. */
    private static <R extends Record & Subspace> void write(TableWriter w, RecordLayout<R> bound, R s) {
        w.struct(bound.layout())
                .set("type", s.type())
                .set("length", bound.layout().size())
                .set(bound, s)
                .write();
    }
}
