package io.github.xenacpi.aml.resource;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.xenacpi.acpi.region.UnsignedLongSerializer;

/**
 * One range of memory a resource descriptor describes (what Linux turns into an {@code IORESOURCE_MEM}
 * resource), as a Dom0 model needs it: its base and length (bytes, as the descriptor gives them, before any
 * translation), whether it may be written, its memory attribute, the translation offset of an address space
 * descriptor (0 for the others), and whether its location is fixed (false for a fixed-size range the OS may
 * place anywhere between _MIN and _MAX).
 */
public record MemoryResource(
        @JsonSerialize(using = UnsignedLongSerializer.class) long base,
        @JsonSerialize(using = UnsignedLongSerializer.class) long length,
        boolean writable,
        Cacheability cacheability,
        @JsonSerialize(using = UnsignedLongSerializer.class) long translationOffset,
        boolean fixedLocation) {

    /** The first byte after the range (wrapping past 2^64 is the caller's to check). */
    public long end() {
        return base + length;
    }

    /** Whether the range may be cached by the CPU. */
    public boolean cacheable() {
        return cacheability.cacheable();
    }
}
