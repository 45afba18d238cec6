package io.github.xenacpi.acpi.table.layout;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a {@link TableDecoder} reads and reports through, for one table. Every read is bounded by the
 * table's usable bytes (the smaller of its length field and the bytes present), so a lying length field or a
 * truncated table can never make a decoder read past its data; each problem becomes a {@link Diagnostic}
 * carrying the table, instance and byte offset. Not thread-safe: one context per decoding.
 */
public final class DecodeContext {
    private final RawTable raw;
    private final TableHeader header;
    private final ByteBuffer data;
    private final int end;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<DescribedRegion> regions = new ArrayList<>();

    /**
     * A context over a table whose usable bytes end at {@code end} (already clamped to the bytes present by
     * the caller).
     */
    public DecodeContext(RawTable raw, TableHeader header, int end) {
        this.raw = raw;
        this.header = header;
        this.data = raw.buffer();
        this.end = Math.max(0, Math.min(end, raw.size()));
    }

    public RawTable raw() {
        return raw;
    }

    public TableHeader header() {
        return header;
    }

    public String signature() {
        return raw.signature();
    }

    public int instance() {
        return raw.instance();
    }

    public int revision() {
        return header.revision();
    }

    /** The first byte past the table's usable data. */
    public int end() {
        return end;
    }

    /** Reads a structure at a table offset; reports it when the table ends before the structure does. */
    public Struct read(Layout layout, int offset, String path) {
        if (offset < 0 || offset > end) {
            error(offset, "%s: offset 0x%X lies outside the table (usable length 0x%X)", path, offset, end);
            return new Struct(layout, data, Math.max(0, Math.min(offset, end)), 0, path);
        }
        int available = end - offset;
        if (available < layout.size()) {
            error(
                    offset,
                    "%s: truncated: %s needs %d bytes at offset 0x%X, only %d present",
                    path,
                    layout.name(),
                    layout.size(),
                    offset,
                    available);
        }
        return new Struct(layout, data, offset, available, path);
    }

    /** Reads a structure inside a sub-table; reports it when the sub-table is shorter than the layout. */
    public Struct read(Layout layout, Subtable subtable) {
        if (subtable.length() < layout.size()) {
            error(
                    subtable.offset(),
                    "%s: length %d is less than the %d bytes of %s",
                    subtable.path(),
                    subtable.length(),
                    layout.size(),
                    layout.name());
        }
        return new Struct(layout, data, subtable.offset(), subtable.length(), subtable.path());
    }

    /**
     * Reads a structure limited to {@code length} bytes (and the table's end) without reporting anything; for
     * structures whose shorter forms are valid (older revisions), checked field by field with
     * {@link Struct#has}.
     */
    public Struct readUpTo(Layout layout, int offset, int length, String path) {
        int available = Math.min(end - Math.max(0, offset), Math.max(0, length));
        return new Struct(layout, data, Math.max(0, Math.min(offset, end)), offset < 0 ? 0 : available, path);
    }

    /**
     * Reads {@code count} unsigned integers of {@code width} bytes from {@code offset}; when the table ends
     * first, reports it and returns the complete elements only.
     */
    public long[] array(int offset, int count, int width, String path) {
        int n = fitting(offset, count, width, path);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long v = 0;
            int at = offset + i * width;
            for (int b = width - 1; b >= 0; b--) {
                v = (v << 8) | (data.get(at + b) & 0xFF);
            }
            out[i] = v;
        }
        return out;
    }

    /**
     * The {@code count} bytes at {@code offset}, as {@link #array} with a width of 1 reads and reports them, in one
     * copy.
     */
    public byte[] bytes(int offset, int count, String path) {
        byte[] out = new byte[fitting(offset, count, 1, path)];
        if (out.length > 0) {
            data.get(offset, out);
        }
        return out;
    }

    /** How many of {@code count} elements of {@code width} bytes at {@code offset} the table holds, reporting a gap. */
    private int fitting(int offset, int count, int width, String path) {
        if (count < 0 || offset < 0) {
            error(Math.max(offset, 0), "%s: invalid array (offset 0x%X, count %d)", path, offset, count);
            return 0;
        }
        long fits = offset > end ? 0 : (end - offset) / width;
        int n = (int) Math.min(count, fits);
        if (n < count) {
            error(
                    offset,
                    "%s: %d entries of %d bytes declared at offset 0x%X, only %d fit in the table",
                    path,
                    count,
                    width,
                    offset,
                    n);
        }
        return n;
    }

    /** ASCII text of {@code length} bytes at {@code offset}, clamped to the table; trailing NULs removed. */
    public String text(int offset, int length) {
        if (offset < 0 || offset >= end || length <= 0) {
            return "";
        }
        return Struct.ascii(data, offset, Math.min(length, end - offset));
    }

    /** NUL-terminated ASCII starting at {@code offset}, at most up to {@code limit} (clamped to the table). */
    public String nulTerminated(int offset, int limit) {
        int stop = Math.min(limit, end);
        int i = offset;
        while (i >= 0 && i < stop && data.get(i) != 0) {
            i++;
        }
        return offset < 0 || offset >= stop ? "" : Struct.ascii(data, offset, i - offset);
    }

    /**
     * Walks a framed list of sub-structures between {@code start} and {@code listEnd} (clamped to the table).
     * An entry shorter than the format's minimum (a zero length above all) or one that overruns the list is
     * reported; the walk stops there, yielding an overrunning entry cut at the list's end. The walk always ends:
     * each step advances by at least the minimum length.
     */
    public List<Subtable> subtables(SubtableFormat format, int start, int listEnd, String pathPrefix) {
        List<Subtable> out = new ArrayList<>();
        int stop = Math.min(listEnd, end);
        int at = start;
        int index = 0;
        while (at < stop) {
            String path = pathPrefix + "[" + index + "]";
            if (stop - at < format.frameSize()) {
                error(at, "%s: %d trailing bytes are too few for a sub-structure header", path, stop - at);
                break;
            }
            long length = readUnsigned(at + format.lengthOffset(), format.lengthWidth());
            int type = format.typeOffset() < 0 ? -1 : (int) readUnsigned(at + format.typeOffset(), format.typeWidth());
            if (length < format.minLength()) {
                error(
                        at + format.lengthOffset(),
                        "%s: length %d is below the minimum of %d; the rest of the list"
                                + " (%d bytes) cannot be decoded",
                        path,
                        length,
                        format.minLength(),
                        stop - at);
                break;
            }
            if (length > stop - at) {
                error(
                        at + format.lengthOffset(),
                        "%s: length %d overruns the list, which ends %d bytes later",
                        path,
                        length,
                        stop - at);
                out.add(new Subtable(type, at, stop - at, index, path));
                break;
            }
            out.add(new Subtable(type, at, (int) length, index, path));
            at += (int) length;
            index++;
        }
        return out;
    }

    /** Reports a non-zero reserved field of a structure as a warning. */
    public void checkReserved(Struct struct) {
        int at = struct.firstNonZeroReserved();
        if (at >= 0) {
            warning(at, "%s: reserved field at offset 0x%X is not zero", struct.path(), at);
        }
    }

    /**
     * Records a described region; {@code fieldOffset} is the table offset of the field holding the base. A 64-bit
     * length of 2^63 bytes or more cannot describe a real range: it is reported and the region left out.
     */
    public void region(RegionKind kind, AddressSpace space, long base, long length, long fieldOffset, String path) {
        if (length < 0) {
            error(
                    fieldOffset,
                    "%s: length 0x%X at base 0x%X is 2^63 bytes or more; range not recorded",
                    path,
                    length,
                    base);
            return;
        }
        regions.add(new DescribedRegion(kind, space, base, length, signature(), instance(), fieldOffset, path));
    }

    @FormatMethod
    public void error(long offset, @FormatString String format, Object... args) {
        report(Severity.ERROR, offset, format, args);
    }

    @FormatMethod
    public void warning(long offset, @FormatString String format, Object... args) {
        report(Severity.WARNING, offset, format, args);
    }

    @FormatMethod
    public void info(long offset, @FormatString String format, Object... args) {
        report(Severity.INFO, offset, format, args);
    }

    /** Adds a diagnostic made elsewhere (the header checks) to this table's list. */
    public void add(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    @FormatMethod
    private void report(Severity severity, long offset, @FormatString String format, Object... args) {
        String message = args.length == 0 ? format : String.format(format, args);
        diagnostics.add(new Diagnostic(signature(), instance(), offset, severity, message));
    }

    /** Diagnostics reported so far. */
    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    /** Regions recorded so far. */
    public List<DescribedRegion> regions() {
        return List.copyOf(regions);
    }

    private long readUnsigned(int at, int width) {
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = (v << 8) | (data.get(at + i) & 0xFF);
        }
        return v;
    }
}
