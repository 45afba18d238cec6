package io.github.xenacpi.acpi.region;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Writes a {@code long} that holds an unsigned 64-bit firmware value (an address, a length) as the JSON integer it
 * means: 0xFFFF000000000000 is 18446462598732840960, never a negative number. Put on the value types' components
 * with {@code @JsonSerialize(using = UnsignedLongSerializer.class)}, so every report format inherits it.
 */
public final class UnsignedLongSerializer extends StdSerializer<Long> {

    private static final long serialVersionUID = 1L;

    public UnsignedLongSerializer() {
        super(Long.class);
    }

    @Override
    public void serialize(Long value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value >= 0) {
            gen.writeNumber(value);
        } else {
            gen.writeNumber(new BigInteger(Long.toUnsignedString(value)));
        }
    }
}
