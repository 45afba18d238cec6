package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.table.FacsTable;
import io.github.xenacpi.acpi.table.FramedDecoder;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableFraming;

/** Decodes the FACS, versions 0 (ACPI 1.0) to 3 (ACPI 6.5). The FACS describes no device memory. */
public final class FacsDecoder implements TableDecoder<FacsTable>, FramedDecoder {

    /** The FACS's 64 bytes. */
    public static final Layout LAYOUT = Layout.of("FACS")
            .ascii("signature", 4)
            .u32("length")
            .u32("hardwareSignature")
            .u32("firmwareWakingVector")
            .u32("globalLock")
            .u32("flags")
            .u64("xFirmwareWakingVector")
            .u8("version")
            .reserved(3)
            .u32("ospmFlags")
            .reserved(24)
            .build();

    /** {@link #LAYOUT} bound to the table's record; the decoder supplies the header. */
    public static final RecordLayout<FacsTable> RECORD = RecordLayout.of(FacsTable.class, LAYOUT, "header");

    /** The highest FACS version ACPI 6.5 defines. */
    private static final int LATEST_VERSION = 3;

    @Override
    public String signature() {
        return "FACS";
    }

    @Override
    public TableFraming framing() {
        return TableFraming.FACS;
    }

    @Override
    public FacsTable decode(DecodeContext ctx) {
        // The framing has already reported a FACS shorter than 64 bytes; the fields it lacks read 0.
        Struct s = ctx.readUpTo(LAYOUT, 0, ctx.end(), "FACS");
        if (s.has("signature") && !"FACS".equals(s.text("signature"))) {
            ctx.error(0, "FACS signature is \"%s\", not \"FACS\"", s.text("signature"));
        }
        FacsTable t = RECORD.read(s, ctx.header());
        if (t.version() > LATEST_VERSION) {
            ctx.warning(
                    s.offsetOf("version"), "FACS version %d is newer than ACPI 6.5's %d", t.version(), LATEST_VERSION);
        }
        if ((t.flags() & ~(FacsTable.S4BIOS_F | FacsTable.WAKE_64BIT_SUPPORTED_F)) != 0) {
            ctx.warning(s.offsetOf("flags"), "FACS flags 0x%X set reserved bits", t.flags());
        }
        ctx.checkReserved(s);
        return t;
    }
}
