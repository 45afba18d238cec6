package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.table.FramedDecoder;
import io.github.xenacpi.acpi.table.RsdpTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableFraming;

/** Decodes the Root System Description Pointer ("RSD PTR "), revision 0 (20 bytes) and 2 (36 bytes). */
public final class RsdpDecoder implements TableDecoder<RsdpTable>, FramedDecoder {

    /** The RSDP's layout; the first 20 bytes are all of revision 0. */
    public static final Layout LAYOUT = Layout.of("RSDP")
            .ascii("signature", 8)
            .u8("checksum")
            .ascii("oemId", 6)
            .u8("revision")
            .u32("rsdtAddress")
            .u32("length")
            .u64("xsdtAddress")
            .u8("extendedChecksum")
            .reserved(3)
            .build();

    /**
     * {@link #LAYOUT} bound to the table's record; the decoder supplies the header and the length (20 when the
     * RSDP is too short for its length field).
     */
    public static final RecordLayout<RsdpTable> RECORD = RecordLayout.of(RsdpTable.class, LAYOUT, "header", "length");

    /** The length of a revision 0 RSDP, which has no length field. */
    private static final long REVISION0_LENGTH = 20;

    @Override
    public String signature() {
        return "RSDP";
    }

    @Override
    public TableFraming framing() {
        return TableFraming.RSDP;
    }

    @Override
    public RsdpTable decode(DecodeContext ctx) {
        Struct s = ctx.readUpTo(LAYOUT, 0, ctx.end(), "RSDP");
        if (s.has("signature") && !"RSD PTR".equals(s.text("signature"))) {
            ctx.error(0, "RSDP signature is \"%s\", not \"RSD PTR \"", s.text("signature"));
        }
        RsdpTable t = RECORD.read(s, ctx.header(), s.has("length") ? s.value("length") : REVISION0_LENGTH);
        int revision = t.revision();
        if (revision != 0 && revision != 2) {
            ctx.warning(s.offsetOf("revision"), "RSDP revision %d is neither 0 (ACPI 1.0) nor 2 (ACPI 2.0+)", revision);
        }
        if (revision >= 2 && s.has("xsdtAddress") && t.xsdtAddress() == 0) {
            ctx.error(s.offsetOf("xsdtAddress"), "RSDP revision %d has no XSDT address", revision);
        }
        if (s.isComplete()) {
            ctx.checkReserved(s);
        }
        return t;
    }
}
