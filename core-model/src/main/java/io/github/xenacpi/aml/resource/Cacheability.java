package io.github.xenacpi.aml.resource;

/**
 * The memory attribute of a memory range (the _MEM flags of an address space descriptor, ACPI 6.5 table 6.50);
 * UNSPECIFIED for the Memory24/Memory32/Memory32Fixed descriptors, which carry none.
 */
public enum Cacheability {
    NON_CACHEABLE,
    CACHEABLE,
    WRITE_COMBINING,
    PREFETCHABLE,
    UNSPECIFIED;

    /** The attribute encoded in bits 2:1 of the memory type-specific flags. */
    public static Cacheability ofMemFlags(int typeFlags) {
        return values()[(typeFlags >> 1) & 3];
    }

    /** Whether the CPU may cache the range (every attribute but non-cacheable and unspecified). */
    public boolean cacheable() {
        return this == CACHEABLE || this == WRITE_COMBINING || this == PREFETCHABLE;
    }
}
