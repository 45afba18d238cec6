package io.github.xenacpi.acpi.source;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of one ACPI table as found in the input, before decoding: its signature (from the bytes, or from the
 * dump header when the bytes are too short to hold one), its 1-based instance among tables of that signature in
 * input order, and its origin. Immutable: the bytes are copied in and never handed out.
 */
public final class RawTable {
    private final String signature;
    private final int instance;
    private final byte[] bytes;
    private final TableOrigin origin;
    /** The last {@link #byteSum} from the first byte: its end in the high bits, the sum in the low byte; -1: none. */
    private volatile long prefixSum = -1;

    public RawTable(String signature, int instance, byte[] bytes, TableOrigin origin) {
        this(signature, instance, origin, bytes.clone());
    }

    private RawTable(String signature, int instance, TableOrigin origin, byte[] owned) {
        this.signature = Objects.requireNonNull(signature, "signature");
        this.instance = instance;
        this.bytes = owned;
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /**
     * A table holding {@code bytes} itself, not a copy: for this package's readers, which hand over an array they
     * made and keep no reference to (a corpus pass copied 12 MB of tables once more for nothing).
     */
    static RawTable adopting(String signature, int instance, byte[] bytes, TableOrigin origin) {
        return new RawTable(signature, instance, origin, bytes);
    }

    /** The four-character signature, {@code RSDP} for a root pointer. */
    public String signature() {
        return signature;
    }

    /** 1-based order among the input's tables of the same signature. */
    public int instance() {
        return instance;
    }

    /** The same table with another instance number (used when tables are renumbered in load order). */
    public RawTable withInstance(int newInstance) {
        return newInstance == instance ? this : new RawTable(signature, newInstance, origin, bytes);
    }

    public TableOrigin origin() {
        return origin;
    }

    /** Number of bytes present in the input (may differ from the header's length field). */
    public int size() {
        return bytes.length;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The unsigned byte at {@code index}. */
    public int byteAt(int index) {
        return bytes[index] & 0xFF;
    }

    /**
     * The low byte of the sum of the bytes in {@code [from, to)}: zero over a whole table whose checksum holds
     * (ACPICA {@code acpi_ut_checksum}).
     */
    public int byteSum(int from, int to) {
        if (from == 0) {
            // The framing is read by the decoder and by the conformance rules: the sum from the first byte is kept.
            long memo = prefixSum;
            if (memo >= 0 && (int) (memo >>> 8) == to) {
                return (int) (memo & 0xFF);
            }
        }
        int sum = sum(bytes, from, to);
        if (from == 0) {
            prefixSum = (long) to << 8 | sum;
        }
        return sum;
    }

    /**
     * The low byte of the sum of {@code b[from, to)}, eight bytes at a time: each long read is split into four
     * 16-bit lanes of byte pairs, which hold 128 such additions (at most 510 each) before they could overflow.
     */
    private static int sum(byte[] b, int from, int to) {
        ByteBuffer words = ByteBuffer.wrap(b);
        long lanes = 0;
        int i = from;
        int steps = 0;
        long total = 0;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = words.getLong(i);
            lanes += (x & 0x00FF_00FF_00FF_00FFL) + ((x >>> 8) & 0x00FF_00FF_00FF_00FFL);
            if (++steps == 128) {
                total += fold(lanes);
                lanes = 0;
                steps = 0;
            }
        }
        total += fold(lanes);
        for (; i < to; i++) {
            total += b[i];
        }
        return (int) (total & 0xFF);
    }

    /** The sum of the four 16-bit lanes of {@code lanes}. */
    private static long fold(long lanes) {
        return (lanes & 0xFFFF) + ((lanes >>> 16) & 0xFFFF) + ((lanes >>> 32) & 0xFFFF) + (lanes >>> 48);
    }

    /** A read-only little-endian view of the bytes, without a copy. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Name used in messages, like {@code SSDT#3}. */
    public String label() {
        return instance > 1 ? signature + "#" + instance : signature;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            // The interpreter asks whether a table is one it was given, which it nearly always is.
            return true;
        }
        return o instanceof RawTable t
                && t.signature.equals(signature)
                && t.instance == instance
                && Arrays.equals(t.bytes, bytes)
                && t.origin.equals(origin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(signature, instance, Arrays.hashCode(bytes), origin);
    }

    @Override
    public String toString() {
        return label() + " (" + bytes.length + " bytes from " + origin + ")";
    }
}
