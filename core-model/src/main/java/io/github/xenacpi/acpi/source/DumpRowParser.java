package io.github.xenacpi.acpi.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one data row of an acpidump text: a hex offset, a colon, 1 to 16 two-digit hex bytes separated by
 * single spaces, and optionally the ASCII column after two or more spaces or {@code //}. Offsets of any width
 * and hex of either case are accepted (ACPICA, pmtools, FWTS and iasl layouts).
 */
final class DumpRowParser {

    private static final Pattern ROW = Pattern.compile("\\s*([0-9A-Fa-f]{1,12}):(.*)", Pattern.DOTALL);
    private static final Pattern BYTE = Pattern.compile("[0-9A-Fa-f]{2}");

    private DumpRowParser() {
    }

    /** Parses one line. */
    static DumpRow parse(String line) {
        Matcher m = ROW.matcher(line);
        if (!m.matches()) {
            return new DumpRow.NotARow();
        }
        long offset = Long.parseLong(m.group(1), 16);
        String rest = m.group(2);
        int cut = rest.length();
        int twoSpaces = rest.indexOf("  ", 1);
        int slashes = rest.indexOf("//");
        if (twoSpaces >= 0) {
            cut = twoSpaces;
        }
        if (slashes >= 0 && slashes < cut) {
            cut = slashes;
        }
        String hex = rest.substring(0, cut).trim();
        if (hex.isEmpty()) {
            return new DumpRow.Malformed(offset, "no data bytes after the offset");
        }
        String[] tokens = hex.split(" ");
        if (tokens.length > DumpRow.MAX_BYTES) {
            return new DumpRow.Malformed(offset, tokens.length + " byte tokens, more than the 16 a row holds");
        }
        byte[] bytes = new byte[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            if (!BYTE.matcher(tokens[i]).matches()) {
                return new DumpRow.Malformed(offset, "byte " + (i + 1) + " is \"" + DumpHeader.shorten(tokens[i])
                        + "\", not two hex digits");
            }
            bytes[i] = (byte) Integer.parseInt(tokens[i], 16);
        }
        return new DumpRow.Data(offset, bytes);
    }
}
