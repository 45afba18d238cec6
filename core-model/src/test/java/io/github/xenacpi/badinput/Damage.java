package io.github.xenacpi.badinput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The damaged variants of one table's bytes the bad-input suite feeds through the pipeline: truncations, single-byte
 * corruptions at every header offset and at a spread of structure offsets, and header length fields that lie.
 */
final class Damage {

    /** Size of the standard ACPI table header. */
    static final int HEADER = 36;
    /** Tables up to this size are truncated at every length; larger ones at a dense sample. */
    static final int DENSE_LIMIT = 4096;
    /** Structure offsets corrupted per table, evenly spread past the header. */
    static final int STRUCTURE_SAMPLES = 64;

    private static final int LENGTH_OFFSET = 4;

    /** One damaged copy and what was done to it. */
    @SuppressWarnings("ArrayRecordComponent") // handed to the test one by one, never compared
    record Variant(String what, byte[] bytes) {}

    private Damage() {}

    /** Every variant of a table, in a fixed order. */
    static void variants(byte[] table, Consumer<Variant> out) {
        for (int length : truncationLengths(table.length)) {
            out.accept(new Variant("truncated to " + length, Arrays.copyOf(table, length)));
        }
        for (int offset : corruptionOffsets(table.length)) {
            for (int kind = 0; kind < 3; kind++) {
                byte[] b = table.clone();
                int old = b[offset] & 0xFF;
                b[offset] = (byte) (kind == 0 ? 0x00 : kind == 1 ? 0xFF : old + 1);
                out.accept(new Variant(String.format("byte 0x%X: 0x%02X -> 0x%02X", offset, old, b[offset] & 0xFF), b));
            }
        }
        if (table.length >= LENGTH_OFFSET + 4) {
            long[] lies = {0, HEADER - 1, table.length - 1L, table.length + 1L, 0xFFFF_FFFFL};
            for (long lie : lies) {
                byte[] b = table.clone();
                for (int i = 0; i < 4; i++) {
                    b[LENGTH_OFFSET + i] = (byte) (lie >>> (8 * i));
                }
                out.accept(new Variant("length field 0x" + Long.toHexString(lie), b));
            }
        }
    }

    /**
     * Every length below the size for tables up to {@link #DENSE_LIMIT}; for larger ones every length up to 512,
     * then every 64th, then the last 64.
     */
    static List<Integer> truncationLengths(int size) {
        List<Integer> out = new ArrayList<>();
        if (size <= DENSE_LIMIT) {
            for (int n = 0; n < size; n++) {
                out.add(n);
            }
            return out;
        }
        for (int n = 0; n <= 512; n++) {
            out.add(n);
        }
        for (int n = 576; n < size - 64; n += 64) {
            out.add(n);
        }
        for (int n = Math.max(size - 64, 513); n < size; n++) {
            out.add(n);
        }
        return out;
    }

    /** Every header offset, then {@link #STRUCTURE_SAMPLES} offsets spread evenly over the rest of the table. */
    static List<Integer> corruptionOffsets(int size) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < Math.min(HEADER, size); i++) {
            out.add(i);
        }
        int body = size - HEADER;
        if (body <= 0) {
            return out;
        }
        if (body <= STRUCTURE_SAMPLES) {
            for (int i = HEADER; i < size; i++) {
                out.add(i);
            }
            return out;
        }
        for (int k = 0; k < STRUCTURE_SAMPLES; k++) {
            out.add(HEADER + (int) ((long) k * (body - 1) / (STRUCTURE_SAMPLES - 1)));
        }
        return out;
    }
}
