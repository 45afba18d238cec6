package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.decoder.SpcrDecoder;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an SPCR of revision 1 to 4 (default 4, with the namespace string after the fixed fields). Any numeric
 * field of {@link SpcrDecoder#LAYOUT} can be set by name; the default console is an SBSA generic UART.
 */
public final class SpcrBuilder implements TableBuilder {
    private final Map<String, Long> values = new LinkedHashMap<>();
    private int revision = 4;
    private GenericAddress baseAddress = GenericAddress.memory(0x0900_0000L, 32);
    private String namespace = ".";

    public SpcrBuilder() {
        values.put("interfaceType", 0x0EL);
    }

    public SpcrBuilder revision(int value) {
        this.revision = value;
        return this;
    }

    public SpcrBuilder baseAddress(GenericAddress value) {
        this.baseAddress = value;
        return this;
    }

    /** The revision 4 namespace string, written with its NUL ("." when the UART has no namespace device). */
    public SpcrBuilder namespace(String value) {
        this.namespace = value;
        return this;
    }

    /** Sets a numeric field of {@link SpcrDecoder#LAYOUT} (the namespace string fields are derived). */
    public SpcrBuilder set(String field, long value) {
        SpcrDecoder.LAYOUT.field(field);
        values.put(field, value);
        return this;
    }

    @Override
    public String signature() {
        return "SPCR";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        byte[] text = (namespace + "\0").getBytes(StandardCharsets.US_ASCII);
        TableWriter.StructWriter body = TableWriter.headerless()
                .struct(SpcrDecoder.LAYOUT)
                .set("baseAddress", baseAddress)
                .set("namespaceStringLength", text.length)
                .set("namespaceStringOffset", SpcrDecoder.REVISION4_FIXED_LENGTH);
        values.forEach(body::set);
        byte[] fixed = body.write().toBytes();
        TableWriter w = TableWriter.withHeader("SPCR", revision, oem);
        if (revision >= 4) {
            w.bytes(fixed).bytes(text);
        } else {
            w.bytes(Arrays.copyOf(fixed, SpcrDecoder.REVISION3_LENGTH - TableHeader.SIZE));
        }
        return w.finish();
    }
}
