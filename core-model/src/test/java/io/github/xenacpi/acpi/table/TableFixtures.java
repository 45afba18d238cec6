package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.TableBuilder;
import java.nio.file.Path;
import java.util.Arrays;

/** Helpers for decoder tests: builder-made bytes turned into raw tables and decoded, whole or damaged. */
public final class TableFixtures {

    private TableFixtures() {}

    /** The bytes a builder writes with the default identity. */
    public static byte[] bytes(TableBuilder builder) {
        return builder.build(OemIdentity.DEFAULT);
    }

    /** Raw table of the given bytes, named by the signature in them. */
    public static RawTable raw(byte[] bytes) {
        String sig = bytes.length >= 4 ? new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII) : "????";
        if (sig.equals("RSD ")) {
            sig = "RSDP";
        }
        return new RawTable(sig, 1, bytes, new TableOrigin(Path.of("test"), SourceFormat.BUILDER, 0, 0, -1));
    }

    /** Decodes builder-made bytes with the standard decoders. */
    public static LoadedTable decode(TableBuilder builder) {
        return decode(bytes(builder));
    }

    public static LoadedTable decode(byte[] bytes) {
        return TableDecoders.standard().decode(raw(bytes));
    }

    /** The first {@code length} bytes only, as a truncated capture would hold. */
    public static byte[] truncate(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }

    /** A copy with one little-endian field overwritten, checksum left stale unless fixed by the caller. */
    public static byte[] patch(byte[] bytes, int offset, long value, int width) {
        byte[] out = bytes.clone();
        for (int i = 0; i < width; i++) {
            out[offset + i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    /** Recomputes a standard table's checksum so that only the intended damage remains. */
    public static byte[] fixChecksum(byte[] bytes) {
        byte[] out = bytes.clone();
        out[9] = 0;
        int sum = 0;
        int len = Math.min(out.length, (int) Math.min(
                Integer.MAX_VALUE,
                (out[4] & 0xFFL) | (out[5] & 0xFFL) << 8 | (out[6] & 0xFFL) << 16 | (out[7] & 0xFFL) << 24));
        for (int i = 0; i < len; i++) {
            sum += out[i];
        }
        out[9] = (byte) -sum;
        return out;
    }
}
