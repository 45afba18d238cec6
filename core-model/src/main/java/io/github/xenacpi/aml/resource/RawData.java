package io.github.xenacpi.aml.resource;

import java.util.Arrays;
import java.util.HexFormat;

/** Immutable opaque bytes of a descriptor (vendor data, unknown items), compared by content. */
public final class RawData {
    /** No bytes. */
    public static final RawData EMPTY = new RawData(new byte[0]);

    private final byte[] bytes;

    private RawData(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of the given bytes. */
    public static RawData of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new RawData(bytes.clone());
    }

    /** Bytes given as ints 0..255 (for readable test and preset code). */
    public static RawData ofInts(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return new RawData(b);
    }

    public int size() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return bytes.clone();
    }

    /** The unsigned byte at {@code index}. */
    public int get(int index) {
        return bytes[index] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawData r && Arrays.equals(r.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
