package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.Dbg2Table;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.EmbeddedString;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the DBG2: every debug device information structure with its register, address size and namespace
 * arrays, each located by an offset that is checked against the structure's bounds. Each register becomes a
 * {@link RegionKind#DEBUG_PORT} region in its own address space, as long as its address size entry says.
 */
public final class Dbg2Decoder implements TableDecoder<Dbg2Table> {

    /** The fields after the header (at offset 36). */
    public static final Layout LAYOUT =
            Layout.of("DBG2").u32("deviceInfoOffset").u32("deviceInfoCount").build();

    /** {@link #LAYOUT} bound to the table's record; the devices it points to are the decoder's. */
    public static final RecordLayout<Dbg2Table> TABLE_RECORD =
            RecordLayout.of(Dbg2Table.class, LAYOUT, "header", "devices");

    /** The fixed part of a debug device information structure; all offsets in it are from its start. */
    public static final Layout DEVICE = Layout.of("Debug Device Information")
            .u8("revision")
            .u16("length")
            .u8("registerCount")
            .u16("namespaceStringLength")
            .u16("namespaceStringOffset")
            .u16("oemDataLength")
            .u16("oemDataOffset")
            .u16("portType")
            .u16("portSubtype")
            .reserved(2)
            .u16("baseAddressRegisterOffset")
            .u16("addressSizeOffset")
            .build();

    /** One entry of the base address register array. */
    public static final Layout REGISTER =
            Layout.of("Base Address Register").gas("address").build();

    /**
     * {@link #DEVICE} bound to its record; the registers and the namespace string, which lie where the structure's
     * offsets say, are supplied by the decoder.
     */
    public static final RecordLayout<Dbg2Table.Device> DEVICE_RECORD =
            RecordLayout.of(Dbg2Table.Device.class, DEVICE, "registers", "namespaceString");

    /** {@link #REGISTER} bound to its record; the size, from the address size array, is supplied by the decoder. */
    public static final RecordLayout<Dbg2Table.Register> REGISTER_RECORD =
            GenericAddress.bind(Dbg2Table.Register.class, REGISTER, "size");

    /** Offset of the first byte after the fixed fields. */
    public static final int FIXED_END = TableHeader.SIZE + 8;

    @Override
    public String signature() {
        return "DBG2";
    }

    @Override
    public Dbg2Table decode(DecodeContext ctx) {
        Struct s = ctx.read(LAYOUT, TableHeader.SIZE, "DBG2");
        Dbg2Table fields = TABLE_RECORD.read(s, ctx.header(), List.of());
        long offset = fields.deviceInfoOffset();
        long count = fields.deviceInfoCount();
        List<Dbg2Table.Device> devices = new ArrayList<>();
        if (count > 0 && (offset < FIXED_END || offset >= ctx.end())) {
            ctx.error(
                    s.offsetOf("deviceInfoOffset"),
                    "DBG2: device information offset 0x%X lies outside 0x%X to" + " 0x%X; %d devices cannot be decoded",
                    offset,
                    FIXED_END,
                    ctx.end(),
                    count);
            return TABLE_RECORD.read(s, ctx.header(), devices);
        }
        // With no devices the offset is not checked above: trailing bytes then count from the fixed part's end.
        int at = offset >= FIXED_END && offset <= ctx.end() ? (int) offset : FIXED_END;
        for (int i = 0; i < count; i++) {
            String path = "DBG2.device[" + i + "]";
            if (at >= ctx.end()) {
                ctx.error(
                        s.offsetOf("deviceInfoCount"), "DBG2: %d devices declared, the table ends after %d", count, i);
                break;
            }
            Struct d = ctx.read(DEVICE, at, path);
            int length = d.intValue("length");
            if (!d.has("length") || length < DEVICE.size()) {
                ctx.error(
                        at + 1,
                        "%s: length %d is below the %d bytes of the structure's fixed part; the remaining"
                                + " devices cannot be decoded",
                        path,
                        length,
                        DEVICE.size());
                break;
            }
            if (at + length > ctx.end()) {
                ctx.error(
                        at + 1,
                        "%s: length %d overruns the table, which ends %d bytes later",
                        path,
                        length,
                        ctx.end() - at);
                length = ctx.end() - at;
            }
            devices.add(device(ctx, d, at, length, path));
            at += length;
        }
        if (at < ctx.end() && devices.size() == count) {
            ctx.warning(at, "DBG2: %d bytes follow the %d declared devices", ctx.end() - at, count);
        }
        return TABLE_RECORD.read(s, ctx.header(), devices);
    }

    private static Dbg2Table.Device device(DecodeContext ctx, Struct d, int at, int length, String path) {
        ctx.checkReserved(d);
        if (d.intValue("revision") != 0) {
            // Widespread (every Qualcomm laptop DBG2 says 1) and read by nobody: noted, not warned.
            ctx.info(at, "%s: revision %d, the specification defines 0", path, d.intValue("revision"));
        }
        int n = d.intValue("registerCount");
        int end = at + length;
        List<Dbg2Table.Register> registers = new ArrayList<>();
        int gasAt = at + d.intValue("baseAddressRegisterOffset");
        int sizeAt = at + d.intValue("addressSizeOffset");
        boolean gasFits = inside(
                ctx,
                d,
                "baseAddressRegisterOffset",
                gasAt,
                (long) n * REGISTER.size(),
                at,
                end,
                path,
                "base address register array");
        boolean sizesFit = inside(ctx, d, "addressSizeOffset", sizeAt, n * 4L, at, end, path, "address size array");
        if (n > 0 && gasFits && sizesFit) {
            long[] sizes = ctx.array(sizeAt, n, 4, path + ".addressSize");
            for (int j = 0; j < n; j++) {
                String regPath = path + ".register[" + j + "]";
                Struct g = ctx.read(REGISTER, gasAt + j * REGISTER.size(), regPath);
                Dbg2Table.Register register = REGISTER_RECORD.read(g, j < sizes.length ? sizes[j] : 0L);
                GenericAddress gas = register.address();
                long size = register.size();
                registers.add(register);
                if (gas.address() != 0 && size == 0) {
                    ctx.warning(sizeAt + 4L * j, "%s: register at 0x%X has address size 0", regPath, gas.address());
                }
                if (gas.address() != 0) {
                    ctx.region(
                            RegionKind.DEBUG_PORT,
                            gas.space(),
                            gas.address(),
                            size,
                            g.offsetOf("address") + 4L,
                            regPath);
                }
            }
        }
        String namespace = EmbeddedString.read(
                ctx,
                at + (long) d.intValue("namespaceStringOffset"),
                d.intValue("namespaceStringLength"),
                at + DEVICE.size(),
                end,
                d.offsetOf("namespaceStringLength"),
                path);
        int oemLength = d.intValue("oemDataLength");
        int oemOffset = d.intValue("oemDataOffset");
        if (oemLength > 0) {
            inside(ctx, d, "oemDataOffset", at + oemOffset, oemLength, at, end, path, "OEM data");
        }
        return DEVICE_RECORD.read(d, registers, namespace);
    }

    /** Whether {@code bytes} at {@code start} lie after the fixed part and within the structure; reports it if not. */
    private static boolean inside(
            DecodeContext ctx,
            Struct d,
            String field,
            long start,
            long bytes,
            int at,
            int end,
            String path,
            String what) {
        if (bytes == 0) {
            return true;
        }
        if (start < at + DEVICE.size() || start + bytes > end) {
            ctx.error(
                    d.offsetOf(field),
                    "%s: %s of %d bytes at offset 0x%X lies outside the structure's data" + " (0x%X to 0x%X)",
                    path,
                    what,
                    bytes,
                    start,
                    at + DEVICE.size(),
                    end);
            return false;
        }
        return true;
    }
}
