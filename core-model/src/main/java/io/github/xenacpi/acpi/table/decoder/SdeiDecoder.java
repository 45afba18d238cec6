package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.table.SdeiTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.TableHeader;

/** Decodes SDEI, which has no body: bytes after the header are reported, nothing else. */
public final class SdeiDecoder implements TableDecoder<SdeiTable> {

    @Override
    public String signature() {
        return "SDEI";
    }

    @Override
    public SdeiTable decode(DecodeContext ctx) {
        if (ctx.end() > TableHeader.SIZE) {
            ctx.warning(
                    TableHeader.SIZE,
                    "SDEI: %d bytes after the header; the table has no body",
                    ctx.end() - TableHeader.SIZE);
        }
        return new SdeiTable(ctx.header());
    }
}
