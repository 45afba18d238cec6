package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.table.RootTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.List;

/** Decodes the XSDT and the RSDT: a header followed by table addresses of 8 or 4 bytes. */
public abstract sealed class RootTableDecoder implements TableDecoder<RootTable> {
    private final String signature;
    private final int width;

    private RootTableDecoder(String signature, int width) {
        this.signature = signature;
        this.width = width;
    }

    @Override
    public String signature() {
        return signature;
    }

    @Override
    public RootTable decode(DecodeContext ctx) {
        int bytes = ctx.end() - TableHeader.SIZE;
        if (bytes % width != 0) {
            ctx.error(
                    TableHeader.SIZE,
                    "%s: %d entry bytes are not a whole number of %d-byte addresses",
                    signature,
                    bytes,
                    width);
        }
        long[] raw = ctx.array(TableHeader.SIZE, Math.max(0, bytes / width), width, signature + ".entry");
        List<Long> entries = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                ctx.error(TableHeader.SIZE + (long) i * width, "%s.entry[%d] is a null address", signature, i);
            }
            entries.add(raw[i]);
        }
        return new RootTable(ctx.header(), entries);
    }

    /** The XSDT's decoder. */
    public static final class Xsdt extends RootTableDecoder {
        public Xsdt() {
            super("XSDT", 8);
        }
    }

    /** The RSDT's decoder. */
    public static final class Rsdt extends RootTableDecoder {
        public Rsdt() {
            super("RSDT", 4);
        }
    }
}
