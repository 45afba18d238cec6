package io.github.xenacpi.acpi.table.layout;

/** The check that a described range stays inside the 64-bit physical address space, shared by region makers. */
public final class AddressRange {

    private AddressRange() {}

    /**
     * Whether {@code length} bytes from {@code base} (both unsigned) fit below 2^64; when not, reports it at
     * {@code offset} and returns false, and the caller records no region.
     */
    public static boolean fits(DecodeContext ctx, long base, long length, long offset, String path) {
        if (length < 0 || (length > 0 && Long.compareUnsigned(base + length - 1, base) < 0)) {
            ctx.error(
                    offset, "%s: 0x%X bytes at 0x%X run past the end of the 64-bit address space", path, length, base);
            return false;
        }
        return true;
    }
}
