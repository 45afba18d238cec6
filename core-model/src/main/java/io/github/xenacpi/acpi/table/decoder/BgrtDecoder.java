package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.BgrtTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableChecks;
import io.github.xenacpi.acpi.table.layout.TableHeader;

/**
 * Decodes BGRT. The table does not say how large the image is: the size sits in the bitmap's own file header.
 * The region recorded is the image's base with length 0; the 6-byte BMP header prefix Linux's
 * {@code efi_bgrt_init} maps first is the consumer's extent ({@code platform.RegionExtents}).
 */
public final class BgrtDecoder implements TableDecoder<BgrtTable> {

    /** The table body after the standard header. */
    public static final Layout BODY = Layout.of("BGRT body")
            .u16("version")
            .u8("status")
            .u8("imageType")
            .u64("imageAddress")
            .u32("imageOffsetX")
            .u32("imageOffsetY")
            .build();

    /** {@link #BODY} bound to the table's record: the decoder reads and the builder writes through it. */
    public static final RecordLayout<BgrtTable> RECORD = RecordLayout.of(BgrtTable.class, BODY, "header");

    @Override
    public String signature() {
        return "BGRT";
    }

    @Override
    public BgrtTable decode(DecodeContext ctx) {
        Struct s = ctx.read(BODY, TableHeader.SIZE, "BGRT");
        BgrtTable t = RECORD.read(s, ctx.header());
        if (s.has("version") && t.version() != 1) {
            ctx.error(
                    s.offsetOf("version"),
                    "BGRT: version is %d, expected 1 (efi_bgrt_init ignores the table)",
                    t.version());
        }
        if (s.has("status") && (t.status() & 0xF8) != 0) {
            ctx.warning(s.offsetOf("status"), "BGRT: reserved status bits 3-7 are set (status 0x%02X)", t.status());
        }
        if (s.has("imageType") && t.imageType() != 0) {
            ctx.error(s.offsetOf("imageType"), "BGRT: image type is %d, only 0 (bitmap) is defined", t.imageType());
        }
        if (s.has("imageAddress")) {
            if (t.imageAddress() == 0) {
                ctx.warning(s.offsetOf("imageAddress"), "BGRT: image address is zero");
            } else {
                // The image's base; its size is in the image's own header, which efi_bgrt_init reads.
                ctx.region(
                        RegionKind.BOOT_GRAPHICS_IMAGE,
                        AddressSpace.SYSTEM_MEMORY,
                        t.imageAddress(),
                        0,
                        s.offsetOf("imageAddress"),
                        "BGRT.imageAddress");
            }
        }
        TableChecks.trailing(ctx, TableHeader.SIZE + BODY.size());
        return t;
    }
}
