package io.github.xenacpi.acpi.region;

import java.util.Objects;

/**
 * One range of an address space that a firmware table describes: what it is ({@code kind}), which space it
 * lives in, where it starts and how long it is, and where the description was found: the table's signature
 * and instance, the byte {@code offset} of the field that holds the base address within that table, and a
 * {@code path} naming that field, such as {@code MCFG.allocation[0]} or
 * {@code GTDT.timerBlock[1].frame[0].cntBase}.
 */
public record DescribedRegion(RegionKind kind, AddressSpace space, long base, long length, String table,
                              int instance, long offset, String path) {

    public DescribedRegion {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(path, "path");
        if (length < 0) {
            throw new IllegalArgumentException("negative length for " + path);
        }
    }

    /** The last byte of the range (unsigned), or {@code base - 1} for an empty range. */
    public long lastByte() {
        return base + length - 1;
    }

    /** Whether the range lies in system memory, that is, whether a CPU access to it needs a stage-2 mapping. */
    public boolean isDeviceMemory() {
        return space.isMemory() && length > 0;
    }
}
