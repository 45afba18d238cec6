package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.TableSignature;
import java.util.List;
import java.util.Locale;

/**
 * Prints tables exactly as ACPICA's acpidump does: a {@code %4.4s @ 0x%016X} header ({@code RSD PTR @} for the
 * root pointer; address 0 when unknown), rows of {@code %8.4X: } and 16 upper-case {@code %02X } bytes (a short
 * last row padded with three spaces per missing byte), one more space and the ASCII column (printable characters
 * as they are, others as {@code .}), and an empty line after each table.
 */
public final class AcpidumpTextWriter {

    private static final int ROW = 16;
    /** {@code %8.4X}: at least four digits, right-aligned in eight columns. */
    private static final int OFFSET_WIDTH = 8;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AcpidumpTextWriter() {}

    /** The dump text of the tables, in list order. */
    public static String write(List<RawTable> tables) {
        StringBuilder out = new StringBuilder();
        for (RawTable t : tables) {
            String name = t.signature().equals(TableSignature.RSDP) ? "RSD PTR" : String.format("%4.4s", t.signature());
            long address = t.origin().hasAddress() ? t.origin().address() : 0;
            out.append(String.format("%s @ 0x%016X", name, address)).append('\n');
            byte[] b = t.bytes();
            for (int row = 0; row < b.length; row += ROW) {
                appendRow(out, b, row);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, byte[] b, int start) {
        int n = Math.min(ROW, b.length - start);
        String offset = Integer.toHexString(start).toUpperCase(Locale.ROOT);
        out.append(" ".repeat(Math.max(0, OFFSET_WIDTH - Math.max(4, offset.length()))))
                .append("0".repeat(Math.max(0, 4 - offset.length())))
                .append(offset)
                .append(": ");
        for (int i = 0; i < ROW; i++) {
            if (i < n) {
                int v = b[start + i] & 0xFF;
                out.append(HEX[v >> 4]).append(HEX[v & 0xF]).append(' ');
            } else {
                out.append("   ");
            }
        }
        out.append(' ');
        for (int i = 0; i < n; i++) {
            int c = b[start + i] & 0xFF;
            out.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
        }
        out.append('\n');
    }
}
