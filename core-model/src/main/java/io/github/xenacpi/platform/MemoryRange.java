package io.github.xenacpi.platform;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.xenacpi.acpi.region.UnsignedLongSerializer;

/**
 * A range of physical memory: a base address and a length in bytes, both unsigned 64-bit; the range must end at or
 * below the top of the 64-bit address space.
 */
public record MemoryRange(
        @JsonSerialize(using = UnsignedLongSerializer.class) long base,
        @JsonSerialize(using = UnsignedLongSerializer.class) long length) {

    public MemoryRange {
        if (length != 0 && Long.compareUnsigned(base + length - 1, base) < 0) {
            throw new IllegalArgumentException(String.format(
                    "0x%X bytes from 0x%X run past the top of the 64-bit"
                            + " address space (the last byte would wrap to 0x%X)",
                    length, base, base + length - 1));
        }
    }

    /** The first byte past the range (0 for a range that ends at the top of the 64-bit space). */
    public long end() {
        return base + length;
    }
}
