package io.github.xenacpi.acpi.table.layout;

/** The "reserved bits must be zero" check of flag fields, shared by the decoders. */
public final class ReservedBits {

    private ReservedBits() {}

    /** Warns at {@code offset} when {@code value} sets a bit outside {@code defined}. */
    public static void check(DecodeContext ctx, long offset, String path, String field, long value, long defined) {
        long reserved = value & ~defined;
        if (reserved != 0) {
            ctx.warning(offset, "%s: %s 0x%X sets reserved bits 0x%X", path, field, value, reserved);
        }
    }
}
