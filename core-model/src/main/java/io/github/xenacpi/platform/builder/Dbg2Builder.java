package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.Dbg2Table;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.decoder.Dbg2Decoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a DBG2 with any number of debug devices. Each device is laid out as its fixed part, then its Generic
 * Address array, its address size array, its namespace string and its OEM data, with every offset derived.
 */
public final class Dbg2Builder implements TableBuilder {

    /** One device as written: port type and subtype, registers, namespace path and OEM data. */
    @SuppressWarnings("ArrayRecordComponent") // the builder's own list entry, never compared
    private record Device(
            int portType, int portSubtype, String namespace, byte[] oemData, List<Dbg2Table.Register> registers) {}

    private final List<Device> devices = new ArrayList<>();

    /** Adds a debug device. */
    public Dbg2Builder device(
            int portType, int portSubtype, String namespace, byte[] oemData, Dbg2Table.Register... registers) {
        devices.add(new Device(portType, portSubtype, namespace, oemData.clone(), List.of(registers)));
        return this;
    }

    @Override
    public String signature() {
        return "DBG2";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("DBG2", 0, oem);
        w.record(Dbg2Decoder.TABLE_RECORD, new Dbg2Table(null, Dbg2Decoder.FIXED_END, devices.size(), List.of()));
        for (Device d : devices) {
            byte[] text = (d.namespace() + "\0").getBytes(StandardCharsets.US_ASCII);
            int n = d.registers().size();
            int gasAt = Dbg2Decoder.DEVICE.size();
            int sizeAt = gasAt + n * Dbg2Decoder.REGISTER.size();
            int textAt = sizeAt + 4 * n;
            int oemAt = textAt + text.length;
            int length = oemAt + d.oemData().length;
            w.struct(Dbg2Decoder.DEVICE)
                    .set("length", length)
                    .set("registerCount", n)
                    .set("namespaceStringLength", text.length)
                    .set("namespaceStringOffset", textAt)
                    .set("oemDataLength", d.oemData().length)
                    .set("oemDataOffset", d.oemData().length == 0 ? 0 : oemAt)
                    .set("portType", d.portType())
                    .set("portSubtype", d.portSubtype())
                    .set("baseAddressRegisterOffset", gasAt)
                    .set("addressSizeOffset", sizeAt)
                    .write();
            d.registers().forEach(r -> w.record(Dbg2Decoder.REGISTER_RECORD, r));
            for (Dbg2Table.Register r : d.registers()) {
                w.u32(r.size());
            }
            w.bytes(text).bytes(d.oemData());
        }
        return w.finish();
    }

    /** A register in system memory of the given size. */
    public static Dbg2Table.Register memory(long address, long size) {
        return new Dbg2Table.Register(GenericAddress.memory(address, 32), size);
    }
}
