package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.decoder.StaoDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes an STAO: the UART flag and NUL-terminated namespace paths, as Xen's {@code acpi_create_stao} would. */
public final class StaoBuilder implements TableBuilder {
    private final int ignoreUart;
    private final List<String> names;

    /** An STAO with that UART flag and those paths (Xen writes flag 1 and no paths). */
    public StaoBuilder(int ignoreUart, List<String> names) {
        this.ignoreUart = ignoreUart;
        this.names = List.copyOf(names);
    }

    @Override
    public String signature() {
        return "STAO";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("STAO", 1, oem)
                .struct(StaoDecoder.BODY)
                .set("ignoreUart", ignoreUart)
                .write();
        for (String name : names) {
            w.bytes(name.getBytes(StandardCharsets.US_ASCII)).u8(0);
        }
        return w.finish();
    }
}
