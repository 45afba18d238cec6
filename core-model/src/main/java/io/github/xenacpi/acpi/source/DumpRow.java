package io.github.xenacpi.acpi.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One data row of an acpidump text: a hex offset, a colon, 1 to 16 two-digit hex bytes separated by single
 * spaces, and optionally the ASCII column after two or more spaces or {@code //}. Offsets of any width and hex
 * of either case are accepted (ACPICA, pmtools, FWTS and iasl layouts).
 */
sealed interface DumpRow {

    /** Most bytes one row can hold. */
    int MAX_BYTES = 16;

    /** A well-formed row. */
    record Data(long offset, byte[] bytes) implements DumpRow {
    }

    /** A line shaped like a row (offset and colon) whose bytes cannot be read; {@code problem} says why. */
    record Malformed(long offset, String problem) implements DumpRow {
    }

    /** A line that is not a row at all. */
    record NotARow() implements DumpRow {
    }

    Pattern ROW = Pattern.compile("\\s*([0-9A-Fa-f]{1,12}):(.*)", Pattern.DOTALL);
    Pattern BYTE = Pattern.compile("[0-9A-Fa-f]{2}");

    /** Parses one line. */
    static DumpRow parse(String line) {
        Matcher m = ROW.matcher(line);
        if (!m.matches()) {
            return new NotARow();
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
            return new Malformed(offset, "no data bytes after the offset");
        }
        String[] tokens = hex.split(" ");
        if (tokens.length > MAX_BYTES) {
            return new Malformed(offset, tokens.length + " byte tokens, more than the 16 a row holds");
        }
        byte[] bytes = new byte[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            if (!BYTE.matcher(tokens[i]).matches()) {
                return new Malformed(offset, "byte " + (i + 1) + " is \"" + DumpHeader.shorten(tokens[i])
                        + "\", not two hex digits");
            }
            bytes[i] = (byte) Integer.parseInt(tokens[i], 16);
        }
        return new Data(offset, bytes);
    }
}
