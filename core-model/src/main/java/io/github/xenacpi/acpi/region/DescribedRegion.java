package io.github.xenacpi.acpi.region;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;

/**
 * One range of an address space that a firmware table describes: what it is ({@code kind}), which space it
 * lives in, where it starts and how long it is, and where the description was found: the table's signature
 * and instance, the byte {@code offset} of the field that holds the base address within that table, and a
 * {@code path} naming that field, such as {@code MCFG.allocation[0]} or
 * {@code GTDT.timerBlock[1].frame[0].cntBase}. Base and length are unsigned 64-bit values (a length of 2^63 or
 * more is a negative {@code long}); a range that runs past the top of the 64-bit space is kept as described, and
 * {@link #wrapsPastTop()} says so.
 */
public record DescribedRegion(
        RegionKind kind,
        AddressSpace space,
        @JsonSerialize(using = UnsignedLongSerializer.class) long base,
        @JsonSerialize(using = UnsignedLongSerializer.class) long length,
        String table,
        int instance,
        long offset,
        String path) {

    public DescribedRegion {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(path, "path");
    }

    /** The last byte of the range (unsigned), or {@code base - 1} for an empty range. */
    public long lastByte() {
        return base + length - 1;
    }

    /** Whether the range lies in system memory, that is, whether a CPU access to it needs a stage-2 mapping. */
    public boolean isDeviceMemory() {
        return space.isMemory() && length != 0;
    }

    /**
     * Whether the range is the RSDP or a structure inside it (path {@code RSDP} or {@code RSDP.…}): the root
     * pointer that Xen replaces with its own for Dom0 (not a bean getter, so it stays out of the JSON).
     */
    public boolean belongsToRsdp() {
        return path.equals("RSDP") || path.startsWith("RSDP.");
    }

    /** Whether the range runs past the top of the 64-bit address space (its last byte would wrap to a low one). */
    public boolean wrapsPastTop() {
        return length != 0 && Long.compareUnsigned(base + length - 1, base) < 0;
    }
}
