package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.BertTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.AddressRange;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableHeader;

/** Decodes BERT; a present boot error region yields a {@link RegionKind#BOOT_ERROR_REGION}. */
public final class BertDecoder implements TableDecoder<BertTable> {

    /** The table's body after the standard header: region length and region address. */
    public static final Layout LAYOUT =
            Layout.of("BERT body").u32("regionLength").u64("regionAddress").build();

    /** Bytes of the Generic Error Status Block header (ACPI 6.5 table 18.11) a region must at least hold. */
    static final int STATUS_BLOCK_HEADER = 20;

    @Override
    public String signature() {
        return "BERT";
    }

    @Override
    public BertTable decode(DecodeContext ctx) {
        Struct s = ctx.read(LAYOUT, TableHeader.SIZE, "BERT");
        BertTable t = new BertTable(ctx.header(), s.value("regionLength"), s.value("regionAddress"));
        if (!s.isComplete()) {
            return t;
        }
        if (t.regionAddress() == 0) {
            if (t.regionLength() != 0) {
                ctx.error(
                        s.offsetOf("regionAddress"),
                        "BERT: boot error region of %d bytes has a null address",
                        t.regionLength());
            } else {
                ctx.info(s.offsetOf("regionAddress"), "BERT: no boot error region (address and length are 0)");
            }
            return t;
        }
        if (t.regionLength() < STATUS_BLOCK_HEADER) {
            ctx.warning(
                    s.offsetOf("regionLength"),
                    "BERT: boot error region length %d is below the %d bytes of a"
                            + " Generic Error Status Block header",
                    t.regionLength(),
                    STATUS_BLOCK_HEADER);
        }
        if (!AddressRange.fits(
                ctx, t.regionAddress(), t.regionLength(), s.offsetOf("regionLength"), "BERT.regionLength")) {
            return t;
        }
        // bert_init: apei_resources_request + ioremap_cache(address, region_length), a late_initcall.
        ctx.region(
                RegionKind.BOOT_ERROR_REGION,
                AddressSpace.SYSTEM_MEMORY,
                t.regionAddress(),
                t.regionLength(),
                s.offsetOf("regionAddress"),
                "BERT.regionAddress");
        return t;
    }
}
