package io.github.xenacpi.conformance;

import static io.github.xenacpi.acpi.Severity.ERROR;
import static io.github.xenacpi.acpi.Severity.WARNING;

import io.github.xenacpi.acpi.table.Dbg2Table;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.decoder.Dbg2Decoder;
import io.github.xenacpi.acpi.table.layout.Subtable;
import io.github.xenacpi.acpi.table.layout.SubtableFormat;
import java.util.List;

/** The DBG2 debug devices: known port types and subtypes, and usable register addresses. */
final class Dbg2Rules implements RuleSet {

    private static final String DBG2 = "Microsoft DBG2 specification";

    static final Rule DEVICE_REVISION = Rule.of(
                    "DBG2.DEVICE.REVISION",
                    WARNING,
                    "Device information structures are revision 0",
                    "The DBG2 specification defines revision 0 only.",
                    DBG2)
            .fwts("DBG2BadFieldValue");
    static final Rule PORT_TYPE = Rule.of(
                    "DBG2.PORT_TYPE",
                    WARNING,
                    "The port type is defined",
                    "Defined port types: serial (0x8000), 1394 (0x8001), USB (0x8002), net (0x8003).",
                    DBG2)
            .fwts("DBG2PortTypeReserved");
    static final Rule PORT_SUBTYPE = Rule.of(
                    "DBG2.PORT_SUBTYPE",
                    WARNING,
                    "The port subtype is defined",
                    "Serial subtypes 0x00 to 0x15 except 0x07, 1394 subtype 0, USB subtypes 0 and 1.",
                    DBG2)
            .fwts("DBG2PortSubTypeReserved");
    static final Rule REGISTER_ADDRESS = Rule.of(
                    "DBG2.REGISTER.ADDRESS_ZERO",
                    ERROR,
                    "A debug device register has an address",
                    "A register at address 0 cannot be used by a debugger or by Linux earlycon.",
                    DBG2)
            .fwts("DBG2InvalidGasAddress");
    static final Rule REGISTER_WIDTH = Rule.of(
                    "DBG2.REGISTER.WIDTH_ZERO",
                    WARNING,
                    "A debug device register has a bit width",
                    "A GAS of bit width 0 does not say how to access it.",
                    DBG2)
            .fwts("DBG2InvalidGasWidth");

    @Override
    public void check(CheckContext ctx) {
        for (var d : ctx.all("DBG2", Dbg2Table.class)) {
            LoadedTable t = d.loaded();
            List<Subtable> frames =
                    ctx.frames(t, SubtableFormat.TYPE8_LENGTH16, d.table().deviceInfoOffset(), "DBG2.device");
            List<Dbg2Table.Device> devices = d.table().devices();
            for (int i = 0; i < Math.min(frames.size(), devices.size()); i++) {
                device(ctx, t, frames.get(i), devices.get(i));
            }
        }
    }

    private static void device(CheckContext ctx, LoadedTable t, Subtable f, Dbg2Table.Device dev) {
        String path = f.path();
        if (dev.revision() != 0) {
            ctx.report(
                    DEVICE_REVISION,
                    t,
                    f.offset(),
                    path + ".revision",
                    "%s: revision %d, the specification" + " defines 0",
                    path,
                    dev.revision());
        }
        long typeAt = (long) f.offset() + Dbg2Decoder.DEVICE.field("portType").offset();
        long subtypeAt =
                (long) f.offset() + Dbg2Decoder.DEVICE.field("portSubtype").offset();
        int sub = dev.portSubtype();
        switch (dev.portType()) {
            case Dbg2Table.PORT_SERIAL -> subtype(ctx, t, SerialTypes.known(sub), subtypeAt, path, sub);
            case Dbg2Table.PORT_1394 -> subtype(ctx, t, sub == 0, subtypeAt, path, sub);
            case Dbg2Table.PORT_USB -> subtype(ctx, t, sub == 0 || sub == 1, subtypeAt, path, sub);
            case Dbg2Table.PORT_NET -> {
                // Net subtypes are PCI vendor IDs: any value is defined.
            }
            default ->
                ctx.report(
                        PORT_TYPE,
                        t,
                        typeAt,
                        path + ".portType",
                        "%s: port type 0x%04X is reserved",
                        path,
                        dev.portType());
        }
        int registersAt = t.raw().size() >= f.offset() + Dbg2Decoder.DEVICE.size()
                ? u16(
                        t,
                        f.offset()
                                + Dbg2Decoder.DEVICE
                                        .field("baseAddressRegisterOffset")
                                        .offset())
                : 0;
        for (int i = 0; i < dev.registers().size(); i++) {
            Dbg2Table.Register r = dev.registers().get(i);
            long at = f.offset() + registersAt + 12L * i;
            String rp = path + ".register[" + i + "]";
            if (r.address().address() == 0) {
                ctx.report(REGISTER_ADDRESS, t, at + 4, rp, "%s: address is 0", rp);
            } else if (r.address().bitWidth() == 0) {
                ctx.report(REGISTER_WIDTH, t, at + 1, rp, "%s: bit width is 0", rp);
            }
        }
    }

    private static void subtype(CheckContext ctx, LoadedTable t, boolean known, long at, String path, int sub) {
        if (!known) {
            ctx.report(PORT_SUBTYPE, t, at, path + ".portSubtype", "%s: port subtype 0x%04X is reserved", path, sub);
        }
    }

    private static int u16(LoadedTable t, int offset) {
        return t.raw().byteAt(offset) | t.raw().byteAt(offset + 1) << 8;
    }
}
