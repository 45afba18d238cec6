package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.layout.Field;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the bytes of one table, little-endian: the standard header first, then whatever the table builder
 * appends (raw values or whole structures through their {@link Layout}), and at the end the length and the
 * checksum. Not thread-safe; one writer per table.
 */
public final class TableWriter {
    private byte[] buf = new byte[256];
    private int pos;

    private TableWriter() {}

    /** A writer that starts with a standard header for the signature and revision; length and checksum are
     * filled in by {@link #finish()}. */
    public static TableWriter withHeader(String signature, int revision, OemIdentity oem) {
        TableWriter w = new TableWriter();
        w.struct(TableHeader.LAYOUT)
                .set("signature", signature)
                .set("revision", revision)
                .set("oemId", oem.oemId())
                .set("oemTableId", oem.oemTableId())
                .set("oemRevision", oem.oemRevision())
                .set("creatorId", oem.creatorId())
                .set("creatorRevision", oem.creatorRevision())
                .write();
        return w;
    }

    /** A writer for a structure without the standard header (RSDP, FACS). */
    public static TableWriter headerless() {
        return new TableWriter();
    }

    /** Bytes written so far: the offset the next write goes to. */
    public int position() {
        return pos;
    }

    public TableWriter u8(long v) {
        return put(pos, v, 1);
    }

    public TableWriter u16(long v) {
        return put(pos, v, 2);
    }

    public TableWriter u32(long v) {
        return put(pos, v, 4);
    }

    public TableWriter u64(long v) {
        return put(pos, v, 8);
    }

    /** ASCII padded with NULs (or cut) to {@code length} bytes. */
    public TableWriter ascii(String text, int length) {
        byte[] b = Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), length);
        return bytes(b);
    }

    public TableWriter bytes(byte[] b) {
        ensure(pos + b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    public TableWriter zeros(int n) {
        ensure(pos + n);
        pos += n;
        return this;
    }

    public TableWriter gas(GenericAddress g) {
        return u8(g.spaceId())
                .u8(g.bitWidth())
                .u8(g.bitOffset())
                .u8(g.accessSize())
                .u64(g.address());
    }

    /** Overwrites {@code width} bytes at an earlier offset (for lengths and offsets known only later). */
    public TableWriter patch(int offset, long v, int width) {
        int saved = pos;
        put(offset, v, width);
        pos = Math.max(saved, pos);
        return this;
    }

    /** Starts a structure at the current position; nothing is written until {@link StructWriter#write()}. */
    /** Writes one structure bound to its record ({@link RecordLayout}) at the writer's position. */
    public <R extends Record> TableWriter record(RecordLayout<R> binding, R record) {
        return struct(binding.layout()).set(binding, record).write();
    }

    public StructWriter struct(Layout layout) {
        return new StructWriter(layout);
    }

    /** The finished table: length field set to the bytes written, checksum fixed so the bytes sum to zero. */
    public byte[] finish() {
        byte[] out = Arrays.copyOf(buf, pos);
        if (pos >= TableHeader.SIZE) {
            putInto(out, 4, pos, 4);
            out[9] = 0;
            out[9] = checksum(out, 0, pos);
        }
        return out;
    }

    /** The bytes written, with nothing patched (RSDP and FACS fix their own fields). */
    public byte[] toBytes() {
        return Arrays.copyOf(buf, pos);
    }

    /**
     * Recomputes a standard header's checksum (byte 9) over the bytes its length field covers, or all of them if
     * fewer: what a table edited after it was written needs.
     */
    public static void fixChecksum(byte[] table) {
        if (table.length < 10) {
            return;
        }
        long declared =
                (table[4] & 0xFFL) | (table[5] & 0xFFL) << 8 | (table[6] & 0xFFL) << 16 | (table[7] & 0xFFL) << 24;
        table[9] = 0;
        table[9] = checksum(table, 0, (int) Math.min(declared, table.length));
    }

    /** The byte that makes {@code b[from..to)} sum to zero when stored in one of those bytes that is zero. */
    public static byte checksum(byte[] b, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += b[i];
        }
        return (byte) -sum;
    }

    private TableWriter put(int at, long v, int width) {
        ensure(at + width);
        putInto(buf, at, v, width);
        pos = Math.max(pos, at + width);
        return this;
    }

    private static void putInto(byte[] b, int at, long v, int width) {
        for (int i = 0; i < width; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private void ensure(int size) {
        if (size > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(size, buf.length * 2));
        }
    }

    /** Values for one structure, written through its layout; unset fields are zero. */
    public final class StructWriter {
        private final Layout layout;
        private final Map<String, Object> values = new HashMap<>();

        private StructWriter(Layout layout) {
            this.layout = layout;
        }

        public StructWriter set(String name, long value) {
            layout.field(name);
            values.put(name, value);
            return this;
        }

        public StructWriter set(String name, String text) {
            layout.field(name);
            values.put(name, text);
            return this;
        }

        public StructWriter set(String name, GenericAddress address) {
            layout.field(name);
            values.put(name, address);
            return this;
        }

        /** Sets every field the record binds, each from the record's component of its name. */
        public <R extends Record> StructWriter set(RecordLayout<R> binding, R record) {
            binding.values(record).forEach((name, v) -> {
                if (v instanceof Long l) {
                    set(name, l.longValue());
                } else if (v instanceof String text) {
                    set(name, text);
                } else if (v instanceof GenericAddress g) {
                    set(name, g);
                } else if (v instanceof byte[] raw) {
                    set(name, raw);
                } else {
                    throw new IllegalArgumentException(
                            "cannot write " + v.getClass().getSimpleName() + " to field " + name + " of " + layout);
                }
            });
            return this;
        }

        public StructWriter set(String name, byte[] raw) {
            layout.field(name);
            values.put(name, raw.clone());
            return this;
        }

        /** Writes the structure at the writer's position and returns the writer. */
        public TableWriter write() {
            int base = pos;
            ensure(base + layout.size());
            for (Field f : layout.fields()) {
                Object v = values.get(f.name());
                if (v == null) {
                    continue;
                }
                int at = base + f.offset();
                if (v instanceof Long l) {
                    putInto(buf, at, l, Math.min(f.length(), 8));
                } else if (v instanceof String s) {
                    byte[] b = Arrays.copyOf(s.getBytes(StandardCharsets.US_ASCII), f.length());
                    System.arraycopy(b, 0, buf, at, b.length);
                } else if (v instanceof GenericAddress g) {
                    buf[at] = (byte) g.spaceId();
                    buf[at + 1] = (byte) g.bitWidth();
                    buf[at + 2] = (byte) g.bitOffset();
                    buf[at + 3] = (byte) g.accessSize();
                    putInto(buf, at + 4, g.address(), 8);
                } else if (v instanceof byte[] b) {
                    System.arraycopy(b, 0, buf, at, Math.min(b.length, f.length()));
                }
            }
            pos = base + layout.size();
            return TableWriter.this;
        }
    }
}
