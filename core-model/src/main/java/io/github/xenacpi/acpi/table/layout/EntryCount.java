package io.github.xenacpi.acpi.table.layout;

/** The check shared by tables made of a count and an array of fixed-size entries that runs to the table's end. */
public final class EntryCount {

    private EntryCount() {}

    /**
     * Reports trailing bytes that are not a whole entry and a declared count that differs from the entries
     * present; returns the number of whole entries present, which the caller decodes.
     */
    public static int check(DecodeContext ctx, String table, int start, int entrySize, long declared, int countOffset) {
        int bytes = Math.max(0, ctx.end() - start);
        int fit = bytes / entrySize;
        if (bytes % entrySize != 0) {
            ctx.error(
                    start + (long) fit * entrySize,
                    "%s: %d trailing bytes are not a whole %d-byte entry",
                    table,
                    bytes % entrySize,
                    entrySize);
        }
        if (declared != fit) {
            ctx.error(
                    countOffset,
                    "%s: entry count is %d but the table holds %d entries of %d bytes",
                    table,
                    declared,
                    fit,
                    entrySize);
        }
        return fit;
    }
}
