package io.github.xenacpi.acpi.table.layout;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.RawTable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table's framing (header, length, checksum) and decides how many of its bytes a decoder may use:
 * the length field when the bytes cover it, else the bytes present, with a diagnostic either way.
 */
public final class TableHeaderReader {

    /** The header, the usable end, whether the checksum holds, and the problems found. */
    public record Result(TableHeader header, int end, boolean checksumValid, List<Diagnostic> diagnostics) {}

    private TableHeaderReader() {}

    public static Result read(RawTable raw, TableFraming framing) {
        return switch (framing) {
            case STANDARD -> standard(raw);
            case RSDP -> rsdp(raw);
            case FACS -> facs(raw);
        };
    }

    private static Result standard(RawTable raw) {
        List<Diagnostic> diags = new ArrayList<>();
        int size = raw.size();
        Struct s = new Struct(TableHeader.LAYOUT, raw.buffer(), 0, size, raw.signature() + ".header");
        TableHeader header = TableHeader.of(s);
        if (size < TableHeader.SIZE) {
            diags.add(diag(raw, 0, "truncated: %d bytes cannot hold the 36-byte table header", size));
            return new Result(withSignature(header, raw.signature()), size, false, diags);
        }
        int end = usableEnd(raw, header.length(), TableHeader.SIZE, 4, diags);
        int sum = raw.byteSum(0, end);
        boolean valid = sum == 0 && end == header.length();
        if (sum != 0) {
            // Many real tables carry a stale checksum: their message is put together without a Formatter, which
            // was 2 % of the warmed corpus pass (performance.md).
            diags.add(new Diagnostic(
                    raw.signature(),
                    raw.instance(),
                    9,
                    Severity.ERROR,
                    "checksum 0x" + hexByte(header.checksum()) + " is wrong: the bytes sum to 0x" + hexByte(sum)
                            + ", it should be 0x" + hexByte(header.checksum() - sum)));
        }
        return new Result(header, end, valid, diags);
    }

    private static Result rsdp(RawTable raw) {
        List<Diagnostic> diags = new ArrayList<>();
        ByteBuffer b = raw.buffer();
        int size = raw.size();
        if (size < 20) {
            diags.add(diag(raw, 0, "truncated: %d bytes cannot hold the 20-byte RSDP", size));
            return new Result(
                    TableHeader.builder().signature("RSDP").length(size).build(), size, false, diags);
        }
        int revision = b.get(15) & 0xFF;
        String oem = Struct.ascii(b, 9, 6);
        int checksum = b.get(8) & 0xFF;
        long length = 20;
        int end = 20;
        boolean valid = raw.byteSum(0, 20) == 0;
        if (!valid) {
            diags.add(diag(raw, 8, "RSDP checksum over the first 20 bytes is wrong (sum 0x%02X)", raw.byteSum(0, 20)));
        }
        if (revision >= 2) {
            if (size < 36) {
                diags.add(diag(raw, 20, "truncated: RSDP revision %d needs 36 bytes, only %d present", revision, size));
                end = size;
                length = size;
                valid = false;
            } else {
                length = Integer.toUnsignedLong(b.getInt(20));
                end = usableEnd(raw, length, 36, 20, diags);
                int ext = raw.byteSum(0, end);
                if (ext != 0) {
                    diags.add(diag(raw, 32, "RSDP extended checksum is wrong (sum 0x%02X)", ext));
                    valid = false;
                }
            }
        }
        return new Result(
                TableHeader.builder()
                        .signature("RSDP")
                        .length(length)
                        .revision(revision)
                        .checksum(checksum)
                        .oemId(oem)
                        .build(),
                end,
                valid,
                diags);
    }

    private static Result facs(RawTable raw) {
        List<Diagnostic> diags = new ArrayList<>();
        ByteBuffer b = raw.buffer();
        if (raw.size() < 8) {
            diags.add(diag(raw, 0, "truncated: %d bytes cannot hold the FACS signature and length", raw.size()));
            return new Result(
                    TableHeader.builder().signature("FACS").length(raw.size()).build(), raw.size(), true, diags);
        }
        long length = Integer.toUnsignedLong(b.getInt(4));
        int end = usableEnd(raw, length, 64, 4, diags);
        int version = raw.size() > 32 ? b.get(32) & 0xFF : 0;
        return new Result(
                TableHeader.builder()
                        .signature("FACS")
                        .length(length)
                        .revision(version)
                        .build(),
                end,
                true,
                diags);
    }

    private static int usableEnd(RawTable raw, long declared, int minimum, int lengthOffset, List<Diagnostic> diags) {
        int size = raw.size();
        if (declared < minimum) {
            diags.add(diag(
                    raw,
                    lengthOffset,
                    "length field says %d bytes, less than the %d-byte minimum;" + " decoding the %d bytes present",
                    declared,
                    minimum,
                    size));
            return size;
        }
        if (declared > size) {
            diags.add(
                    diag(raw, lengthOffset, "truncated: length field says %d bytes, only %d present", declared, size));
            return size;
        }
        if (declared < size) {
            diags.add(new Diagnostic(
                    raw.signature(),
                    raw.instance(),
                    declared,
                    Severity.WARNING,
                    String.format(
                            "%d bytes follow the table's declared length of %d and are ignored",
                            size - declared, declared)));
        }
        return (int) declared;
    }

    private static TableHeader withSignature(TableHeader h, String signature) {
        return h.signature().isEmpty() ? h.withSignature(signature) : h;
    }

    /** The low byte of a value as two upper-case hex digits, as {@code %02X} prints a byte. */
    static String hexByte(int value) {
        String digits = "0123456789ABCDEF";
        return new String(new char[] {digits.charAt((value >> 4) & 0xF), digits.charAt(value & 0xF)});
    }

    @FormatMethod
    private static Diagnostic diag(RawTable raw, long offset, @FormatString String format, Object... args) {
        return new Diagnostic(raw.signature(), raw.instance(), offset, Severity.ERROR, String.format(format, args));
    }
}
