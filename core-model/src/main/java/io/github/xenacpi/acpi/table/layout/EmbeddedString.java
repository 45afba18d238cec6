package io.github.xenacpi.acpi.table.layout;

/**
 * Reads a NUL-terminated ASCII string that a table places by offset and length (the namespace strings of SPCR
 * revision 4 and of DBG2 device information structures), checking that it lies where it may and ends in a NUL.
 */
public final class EmbeddedString {

    private EmbeddedString() {}

    /**
     * The string of {@code length} bytes (its NUL included) at {@code start}, which must lie within
     * {@code [min, limit)}; an empty string with an error when it does not, or when no NUL ends it.
     *
     * @param lengthField table offset of the field that holds the length, where problems are reported
     */
    public static String read(
            DecodeContext ctx, long start, long length, int min, int limit, int lengthField, String path) {
        if (length == 0) {
            ctx.error(lengthField, "%s: namespace string length is 0; it must at least hold \".\" and its NUL", path);
            return "";
        }
        if (start < min || start + length > limit) {
            ctx.error(
                    lengthField,
                    "%s: namespace string of %d bytes at offset 0x%X lies outside 0x%X to 0x%X",
                    path,
                    length,
                    start,
                    min,
                    limit);
            return "";
        }
        int end = (int) (start + length);
        String text = ctx.nulTerminated((int) start, end);
        if (start + text.length() >= end) {
            ctx.error(
                    end - 1,
                    "%s: namespace string \"%s\" is not NUL-terminated within its %d bytes",
                    path,
                    text,
                    length);
        }
        return text;
    }
}
