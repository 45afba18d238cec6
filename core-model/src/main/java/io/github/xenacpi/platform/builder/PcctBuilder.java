package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.PcctTable;
import io.github.xenacpi.acpi.table.PcctTable.RegisterMask;
import io.github.xenacpi.acpi.table.PcctTable.RegisterWrite;
import io.github.xenacpi.acpi.table.PcctTable.Subspace;
import io.github.xenacpi.acpi.table.decoder.PcctDecoder;
import io.github.xenacpi.acpi.table.layout.Layout;
import java.util.ArrayList;
import java.util.List;

/** Writes a PCCT from subspace records, each through its type's layout with the length set to its size. */
public final class PcctBuilder implements TableBuilder {
    private static final RegisterWrite NO_REGISTER = new RegisterWrite(new GenericAddress(0, 0, 0, 0, 0), 0, 0);
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
            TableWriter.StructWriter sw = start(w, PcctDecoder.GENERIC, 0, s.baseAddress(), s.length(), s.doorbell());
            sw.set("nominalLatency", s.nominalLatency())
                    .set("maxPeriodicAccessRate", s.maxPeriodicAccessRate())
                    .set("minTurnaroundTime", s.minTurnaroundTime())
                    .write();
        } else if (subspace instanceof PcctTable.HwReduced s) {
            TableWriter.StructWriter sw = start(
                            w,
                            s.type() == 2 ? PcctDecoder.HW_REDUCED_2 : PcctDecoder.HW_REDUCED,
                            s.type(),
                            s.baseAddress(),
                            s.length(),
                            s.doorbell())
                    .set("platformInterrupt", s.interrupt().gsiv())
                    .set("interruptFlags", s.interrupt().flags())
                    .set("nominalLatency", s.nominalLatency())
                    .set("maxPeriodicAccessRate", s.maxPeriodicAccessRate())
                    .set("minTurnaroundTime", s.minTurnaroundTime());
            if (s.type() == 2) {
                writeRegister(sw, "ack", "ackRegister", s.interruptAck());
            }
            sw.write();
        } else if (subspace instanceof PcctTable.Extended s) {
            TableWriter.StructWriter sw = start(
                            w, PcctDecoder.EXTENDED, s.type(), s.baseAddress(), s.length(), s.doorbell())
                    .set("platformInterrupt", s.interrupt().gsiv())
                    .set("interruptFlags", s.interrupt().flags())
                    .set("nominalLatency", s.nominalLatency())
                    .set("maxPeriodicAccessRate", s.maxPeriodicAccessRate())
                    .set("minTurnaroundTime", s.minTurnaroundTime());
            writeRegister(sw, "ack", "ackRegister", s.interruptAck());
            writeMask(sw, "commandCompleteCheck", "commandCompleteMask", s.commandCompleteCheck());
            writeRegister(sw, "commandCompleteUpdate", "commandCompleteUpdate", s.commandCompleteUpdate());
            writeMask(sw, "errorStatus", "errorStatusMask", s.errorStatus());
            sw.write();
        } else if (subspace instanceof PcctTable.HwRegisters s) {
            TableWriter.StructWriter sw = start(
                            w, PcctDecoder.HW_REGISTERS, 5, s.baseAddress(), s.length(), s.doorbell())
                    .set("version", s.version())
                    .set("nominalLatency", s.nominalLatency())
                    .set("minTurnaroundTime", s.minTurnaroundTime());
            writeMask(sw, "commandCompleteCheck", "commandCompleteMask", s.commandCompleteCheck());
            writeMask(sw, "errorStatus", "errorStatusMask", s.errorStatus());
            sw.write();
        } else if (subspace instanceof PcctTable.Unknown s) {
            w.u8(s.type()).u8(s.length()).zeros(Math.max(0, s.length() - 2));
        }
    }

    private static TableWriter.StructWriter start(
            TableWriter w, Layout layout, int type, long base, long length, RegisterWrite doorbell) {
        TableWriter.StructWriter sw = w.struct(layout)
                .set("type", type)
                .set("length", layout.size())
                .set("baseAddress", base)
                .set("memoryLength", length);
        writeRegister(sw, "doorbell", "doorbell", doorbell);
        return sw;
    }

    private static void writeRegister(TableWriter.StructWriter sw, String prefix, String gasField, RegisterWrite r) {
        RegisterWrite value = r == null ? NO_REGISTER : r;
        sw.set(gasField, value.register())
                .set(prefix + "Preserve", value.preserve())
                .set(prefix + "Write", value.write());
    }

    private static void writeMask(TableWriter.StructWriter sw, String gasField, String maskField, RegisterMask m) {
        sw.set(gasField, m.register()).set(maskField, m.mask());
    }
}
