package io.github.xenacpi.platform;

/** A range of physical memory: a base address and a length in bytes. */
public record MemoryRange(long base, long length) {

    public MemoryRange {
        if (length < 0) {
            throw new IllegalArgumentException("negative length");
        }
    }

    /** The first byte past the range. */
    public long end() {
        return base + length;
    }
}
