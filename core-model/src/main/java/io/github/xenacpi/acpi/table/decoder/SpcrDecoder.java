package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.SpcrTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.EmbeddedString;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableHeader;

/**
 * Decodes the SPCR, revisions 1 to 4, and reports the console UART's registers as a
 * {@link RegionKind#SERIAL_PORT} region in the address space its Generic Address names.
 */
public final class SpcrDecoder implements TableDecoder<SpcrTable> {

    /** The fields after the header (at offset 36), as of revision 4. */
    public static final Layout LAYOUT = Layout.of("SPCR")
            .u8("interfaceType")
            .reserved(3)
            .gas("baseAddress")
            .u8("interruptType")
            .u8("irq")
            .u32("gsiv")
            .u8("configuredBaudRate")
            .u8("parity")
            .u8("stopBits")
            .u8("flowControl")
            .u8("terminalType")
            .u8("language")
            .u16("pciDeviceId")
            .u16("pciVendorId")
            .u8("pciBus")
            .u8("pciDevice")
            .u8("pciFunction")
            .u32("pciFlags")
            .u8("pciSegment")
            .u32("uartClockFrequency")
            .u32("preciseBaudRate")
            .u16("namespaceStringLength")
            .u16("namespaceStringOffset")
            .build();

    /**
     * {@link #LAYOUT} bound to the table's record; the decoder supplies the header, the UART clock (0 before
     * revision 3, which reserves its bytes) and the namespace string.
     */
    public static final RecordLayout<SpcrTable> RECORD =
            GenericAddress.bind(SpcrTable.class, LAYOUT, "header", "uartClockFrequency", "namespaceString");

    /** Length of revisions 1 to 3; revision 4 adds 8 bytes and the namespace string. */
    public static final int REVISION3_LENGTH = 80;

    /** Where revision 4's namespace string may start: after its fixed fields. */
    public static final int REVISION4_FIXED_LENGTH = TableHeader.SIZE + 52;

    @Override
    public String signature() {
        return "SPCR";
    }

    @Override
    public SpcrTable decode(DecodeContext ctx) {
        int rev = ctx.revision();
        Struct s = ctx.readUpTo(LAYOUT, TableHeader.SIZE, ctx.end() - TableHeader.SIZE, "SPCR");
        int expected = rev >= 4 ? REVISION4_FIXED_LENGTH : REVISION3_LENGTH;
        if (ctx.end() < expected) {
            ctx.error(
                    ctx.end(),
                    "SPCR: truncated: revision %d needs %d bytes, only %d present",
                    rev,
                    expected,
                    ctx.end());
        }
        ctx.checkReserved(s);
        if (rev < 3 && s.value("uartClockFrequency") != 0) {
            ctx.warning(
                    s.offsetOf("uartClockFrequency"),
                    "SPCR: revision %d reserves offset 76, which holds 0x%X",
                    rev,
                    s.value("uartClockFrequency"));
        }
        String namespace = "";
        if (rev >= 4 && ctx.end() >= REVISION4_FIXED_LENGTH) {
            namespace = EmbeddedString.read(
                    ctx,
                    s.value("namespaceStringOffset"),
                    s.value("namespaceStringLength"),
                    REVISION4_FIXED_LENGTH,
                    ctx.end(),
                    s.offsetOf("namespaceStringLength"),
                    "SPCR");
        }
        SpcrTable t = RECORD.read(s, ctx.header(), rev >= 3 ? s.value("uartClockFrequency") : 0, namespace);
        GenericAddress base = t.baseAddress();
        if (s.has("baseAddress") && base.address() == 0) {
            ctx.warning(s.offsetOf("baseAddress") + 4, "SPCR: the console has no base address");
        } else if (s.has("baseAddress")) {
            // The register the GAS describes; the UART's extent is its consumers' (platform.RegionExtents).
            ctx.region(
                    RegionKind.SERIAL_PORT,
                    base.space(),
                    base.address(),
                    base.byteLength(),
                    s.offsetOf("baseAddress") + 4L,
                    "SPCR.baseAddress");
        }
        return t;
    }
}
