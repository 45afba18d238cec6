package io.github.xenacpi.xen;

/** An inclusive range of 4 KiB frame numbers, as Xen's rangesets hold them. */
public record FrameRange(long first, long last) {

    public FrameRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException(String.format("bad frame range [0x%X, 0x%X]", first, last));
        }
    }

    /**
     * The frames a byte range touches: from the page of {@code base} to that of its last byte, or to the last frame
     * of the 64-bit address space for a range that runs past its top; {@code length} is unsigned.
     */
    public static FrameRange covering(long base, long length) {
        long first = base >>> StageTwoGeometry.PAGE_SHIFT;
        long end = base + (length == 0 ? 1 : length) - 1;
        long last = (Long.compareUnsigned(end, base) < 0 ? -1L : end) >>> StageTwoGeometry.PAGE_SHIFT;
        return new FrameRange(first, last);
    }

    public boolean contains(long frame) {
        return frame >= first && frame <= last;
    }

    public long frames() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return String.format("[0x%X-0x%X]", first, last);
    }
}
