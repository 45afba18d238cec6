package io.github.xenacpi.acpi.table.layout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of one {@link Layout} read at one offset of a table. Fields that lie past the usable end of the
 * table are absent: numeric accessors return 0 for them and {@link #has(String)} says so; the
 * {@link DecodeContext} that read the structure has already reported the truncation.
 */
public final class Struct {
    private final Layout layout;
    private final ByteBuffer data;
    private final int offset;
    private final int available;
    private final String path;

    Struct(Layout layout, ByteBuffer data, int offset, int available, String path) {
        this.layout = layout;
        this.data = data;
        this.offset = offset;
        this.available = Math.max(0, available);
        this.path = path;
    }

    /**
     * The values of a layout at {@code offset} of a buffer that is not a whole table (an AML resource template,
     * say), with {@code available} usable bytes from there, clamped to the buffer; fields past them are absent.
     */
    public static Struct over(Layout layout, ByteBuffer data, int offset, int available, String path) {
        int at = Math.max(0, Math.min(offset, data.limit()));
        return new Struct(layout, data, at, Math.min(available, data.limit() - at), path);
    }

    public Layout layout() {
        return layout;
    }

    /** Offset of the structure's first byte within the table. */
    public int offset() {
        return offset;
    }

    /** The name of this structure in messages and region paths, like {@code IORT.node[3]}. */
    public String path() {
        return path;
    }

    /** Whether every field of the layout lies within the table's data. */
    public boolean isComplete() {
        return available >= layout.size();
    }

    /** Whether the named field lies wholly within the table's data. */
    public boolean has(String name) {
        return layout.field(name).end() <= available;
    }

    /** Offset within the table of the named field. */
    public int offsetOf(String name) {
        return offset + layout.field(name).offset();
    }

    /** An unsigned integer field (1 to 8 bytes, little-endian); 0 when absent. */
    public long value(String name) {
        Field f = layout.field(name);
        if (f.end() > available) {
            return 0;
        }
        return readUnsigned(offset + f.offset(), Math.min(f.length(), 8));
    }

    /** An unsigned field of at most 4 bytes, as an int; 0 when absent. */
    public int intValue(String name) {
        Field f = layout.field(name);
        if (f.length() > 4) {
            throw new IllegalArgumentException(name + " of " + layout.name() + " is wider than an int");
        }
        return (int) value(name);
    }

    /** An ASCII field with trailing NULs and spaces removed; empty when absent. */
    public String text(String name) {
        Field f = layout.field(name);
        if (f.end() > available) {
            return "";
        }
        return ascii(data, offset + f.offset(), f.length());
    }

    /** A copy of the bytes of a field; only the bytes present when the field is cut short. */
    public byte[] bytes(String name) {
        Field f = layout.field(name);
        int len = Math.max(0, Math.min(f.length(), available - f.offset()));
        byte[] out = new byte[len];
        if (len > 0) {
            data.get(offset + f.offset(), out, 0, len);
        }
        return out;
    }

    /**
     * The names of reserved fields that hold a non-zero byte, for the "reserved must be zero" checks.
     * Returns the first offending field's table offset, or -1 when all reserved bytes present are zero.
     */
    public int firstNonZeroReserved() {
        for (Field f : layout.fields()) {
            if (f.type() != FieldType.RESERVED) {
                continue;
            }
            int end = Math.min(f.end(), available);
            for (int i = f.offset(); i < end; i++) {
                if (data.get(offset + i) != 0) {
                    return offset + f.offset();
                }
            }
        }
        return -1;
    }

    private long readUnsigned(int at, int width) {
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = (v << 8) | (data.get(at + i) & 0xFF);
        }
        return v;
    }

    static String ascii(ByteBuffer data, int at, int length) {
        byte[] raw = new byte[length];
        data.get(at, raw, 0, length);
        int end = length;
        while (end > 0 && (raw[end - 1] == 0 || raw[end - 1] == ' ')) {
            end--;
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** The path and every present, non-reserved field by name, for debugging. */
    @Override
    public String toString() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : layout.fields()) {
            if (f.type() == FieldType.RESERVED || f.end() > available) {
                continue;
            }
            out.put(
                    f.name(),
                    switch (f.type()) {
                        case UINT -> f.length() <= 8 ? (Object) value(f.name()) : bytes(f.name());
                        case ASCII -> text(f.name());
                        case GAS -> gasText(offset + f.offset());
                        default -> bytes(f.name());
                    });
        }
        return path + out;
    }

    /** A Generic Address Structure as its record prints itself. */
    private String gasText(int at) {
        return String.format(
                "GenericAddress[spaceId=%d, bitWidth=%d, bitOffset=%d, accessSize=%d, address=%d]",
                data.get(at) & 0xFF,
                data.get(at + 1) & 0xFF,
                data.get(at + 2) & 0xFF,
                data.get(at + 3) & 0xFF,
                data.getLong(at + 4));
    }
}
