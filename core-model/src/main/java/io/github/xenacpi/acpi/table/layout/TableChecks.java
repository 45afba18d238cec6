package io.github.xenacpi.acpi.table.layout;

/** Checks shared by the decoders of tables with a fixed body: bytes past the body and references into a structure. */
public final class TableChecks {

    private TableChecks() {}

    /** Reports the bytes of a table that lie past the end of its fixed body. */
    public static void trailing(DecodeContext ctx, int bodyEnd) {
        if (ctx.end() > bodyEnd) {
            ctx.warning(
                    bodyEnd,
                    "%s: %d bytes past the %d-byte table body are not defined by the specification",
                    ctx.signature(),
                    ctx.end() - bodyEnd,
                    bodyEnd);
        }
    }

    /**
     * Whether a range of {@code length} bytes at {@code relOffset} from the start of a structure lies inside it;
     * reports it at {@code fieldOffset} (the table offset of the offset field) when it does not.
     */
    public static boolean inside(
            DecodeContext ctx, Subtable structure, int relOffset, int length, long fieldOffset, String what) {
        if (length == 0) {
            return true;
        }
        if ((long) relOffset + length > structure.length()) {
            ctx.error(
                    fieldOffset,
                    "%s: %s of %d bytes at offset 0x%X lies outside the %d-byte structure",
                    structure.path(),
                    what,
                    length,
                    relOffset,
                    structure.length());
            return false;
        }
        return true;
    }
}
