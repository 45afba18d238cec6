package io.github.xenacpi.acpi.source;

/**
 * Parses one data row of an acpidump text: a hex offset, a colon, 1 to 16 two-digit hex bytes separated by
 * single spaces, and optionally the ASCII column after two or more spaces or {@code //}. Offsets of any width
 * (up to 12 digits) and hex of either case are accepted (ACPICA, pmtools, FWTS and iasl layouts). Written
 * without regular expressions: it runs once per line of dumps of many megabytes.
 */
final class DumpRowParser {

    private static final int MAX_OFFSET_DIGITS = 12;

    private DumpRowParser() {}

    /** Parses one line. */
    static DumpRow parse(String line) {
        int n = line.length();
        int i = 0;
        while (i < n && line.charAt(i) <= ' ') {
            i++;
        }
        int start = i;
        while (i < n && hex(line.charAt(i)) >= 0) {
            i++;
        }
        if (i == start || i - start > MAX_OFFSET_DIGITS || i >= n || line.charAt(i) != ':') {
            return new DumpRow.NotARow();
        }
        long offset = Long.parseLong(line, start, i, 16);
        int from = i + 1;
        int end = hexAreaEnd(line, from);
        while (from < end && line.charAt(from) <= ' ') {
            from++;
        }
        while (end > from && line.charAt(end - 1) <= ' ') {
            end--;
        }
        if (from == end) {
            return new DumpRow.Malformed(offset, "no data bytes after the offset");
        }
        int tokens = 1;
        for (int p = from; p < end; p++) {
            if (line.charAt(p) == ' ') {
                tokens++;
            }
        }
        if (tokens > DumpRow.MAX_BYTES) {
            return new DumpRow.Malformed(offset, tokens + " byte tokens, more than the 16 a row holds");
        }
        byte[] bytes = new byte[tokens];
        int p = from;
        for (int k = 0; k < tokens; k++) {
            int q = line.indexOf(' ', p);
            if (q < 0 || q > end) {
                q = end;
            }
            int hi = q - p == 2 ? hex(line.charAt(p)) : -1;
            int lo = q - p == 2 ? hex(line.charAt(p + 1)) : -1;
            if (hi < 0 || lo < 0) {
                return new DumpRow.Malformed(
                        offset,
                        "byte " + (k + 1) + " is \"" + DumpHeader.shorten(line.substring(p, q))
                                + "\", not two hex digits");
            }
            bytes[k] = (byte) (hi << 4 | lo);
            p = q + 1;
        }
        return new DumpRow.Data(offset, bytes);
    }

    /** Where the hex bytes end: at the first double space after the first character, or at {@code //}. */
    private static int hexAreaEnd(String line, int from) {
        int end = line.length();
        int twoSpaces = line.indexOf("  ", from + 1);
        if (twoSpaces >= 0) {
            end = twoSpaces;
        }
        int slashes = line.indexOf("//", from);
        return slashes >= 0 && slashes < end ? slashes : end;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
