package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.HestTable;
import io.github.xenacpi.acpi.table.HestTable.Bank;
import io.github.xenacpi.acpi.table.HestTable.ErrorSource;
import io.github.xenacpi.acpi.table.HestTable.Notification;
import io.github.xenacpi.acpi.table.decoder.HestDecoder;
import java.util.ArrayList;
import java.util.List;

/** Writes a HEST from error source records, each through its structure's layout. */
public final class HestBuilder implements TableBuilder {
    private final List<ErrorSource> sources = new ArrayList<>();
    private Long errorSourceCount;

    /** Appends one error source structure. */
    public HestBuilder source(ErrorSource source) {
        sources.add(source);
        return this;
    }

    /** Overrides the error source count field (the number of sources unless set). */
    public HestBuilder errorSourceCount(long value) {
        this.errorSourceCount = value;
        return this;
    }

    @Override
    public String signature() {
        return "HEST";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("HEST", 1, oem)
                .struct(HestDecoder.BODY)
                .set("errorSourceCount", errorSourceCount != null ? errorSourceCount : sources.size())
                .write();
        for (ErrorSource s : sources) {
            write(w, s);
        }
        return w.finish();
    }

    private static void write(TableWriter w, ErrorSource source) {
        if (source instanceof HestTable.Ia32MachineCheck s) {
            w.struct(HestDecoder.MACHINE_CHECK)
                    .set("type", s.type())
                    .set(HestDecoder.MACHINE_CHECK_RECORD, s)
                    .set("bankCount", s.banks().size())
                    .write();
            banks(w, s.banks());
        } else if (source instanceof HestTable.Ia32BankedSource s) {
            w.struct(HestDecoder.BANKED)
                    .set(HestDecoder.BANKED_RECORD, s)
                    .set("notification", notification(s.notification()))
                    .set("bankCount", s.banks().size())
                    .write();
            banks(w, s.banks());
        } else if (source instanceof HestTable.Ia32Nmi s) {
            w.struct(HestDecoder.NMI)
                    .set("type", s.type())
                    .set(HestDecoder.NMI_RECORD, s)
                    .write();
        } else if (source instanceof HestTable.PcieRootPort s) {
            w.struct(HestDecoder.AER_ROOT_PORT)
                    .set("type", s.type())
                    .set(HestDecoder.AER_ROOT_PORT_RECORD, s)
                    .write();
        } else if (source instanceof HestTable.PcieDevice s) {
            w.struct(HestDecoder.AER)
                    .set("type", s.type())
                    .set(HestDecoder.AER_RECORD, s)
                    .write();
        } else if (source instanceof HestTable.PcieBridge s) {
            w.struct(HestDecoder.AER_BRIDGE)
                    .set("type", s.type())
                    .set(HestDecoder.AER_BRIDGE_RECORD, s)
                    .write();
        } else if (source instanceof HestTable.Ghes s) {
            w.struct(HestDecoder.GHES)
                    .set("type", s.type())
                    .set(HestDecoder.GHES_RECORD, s)
                    .set("notification", notification(s.notification()))
                    .write();
        } else if (source instanceof HestTable.GhesV2 s) {
            w.struct(HestDecoder.GHES_V2)
                    .set("type", s.type())
                    .set(HestDecoder.GHES_V2_RECORD, s)
                    .set("notification", notification(s.notification()))
                    .write();
        }
    }

    private static void banks(TableWriter w, List<Bank> banks) {
        banks.forEach(b -> w.record(HestDecoder.BANK_RECORD, b));
    }

    /** The 28 bytes of a notification structure, written through its layout. */
    private static byte[] notification(Notification n) {
        return TableWriter.headerless()
                .record(HestDecoder.NOTIFICATION_RECORD, n)
                .toBytes();
    }
}
