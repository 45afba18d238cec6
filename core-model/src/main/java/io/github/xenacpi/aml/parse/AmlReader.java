package io.github.xenacpi.aml.parse;

import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlTerm;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A cursor over the AML of one table, bounded by the end of the innermost enclosing package: PkgLength, NameString,
 * integer constants and strings (ACPI 6.5 sections 20.2.2 to 20.2.4). A read past the bound raises a {@link Fault}
 * worded for the parser that owns the cursor.
 */
final class AmlReader {

    /** A problem at a byte offset that stops parsing of the innermost enclosing package or statement list. */
    static final class Fault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;

        Fault(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    /** How a parser words the faults its reader raises: the loader names offsets, a method body names the body. */
    enum Wording {
        /** The loader's words: a whole definition block. */
        DEFINITION_BLOCK {
            @Override
            String truncated(int needed, int end) {
                return String.format(
                        "%d more byte%s needed but the enclosing package ends at 0x%X",
                        needed, needed == 1 ? " is" : "s are", end);
            }

            @Override
            String shortNameSeg(int end) {
                return String.format("NameSeg needs 4 bytes but the enclosing package ends at 0x%X", end);
            }

            @Override
            String unterminatedString(int start, int end) {
                return String.format("String at 0x%X has no terminating NUL before 0x%X", start, end);
            }

            @Override
            String shortPkgLength(long length, int encodingBytes) {
                return String.format("PkgLength %d is shorter than its own %d-byte encoding", length, encodingBytes);
            }
        },
        /** The interpreter's words: one method body. */
        METHOD_BODY {
            @Override
            String truncated(int needed, int end) {
                return needed == 1
                        ? "the method body ends inside a term"
                        : needed + " more bytes needed but the enclosing package ends first";
            }

            @Override
            String shortNameSeg(int end) {
                return "NameSeg needs 4 bytes past the end of the enclosing package";
            }

            @Override
            String unterminatedString(int start, int end) {
                return "String has no terminating NUL before the end of the method body";
            }

            @Override
            String shortPkgLength(long length, int encodingBytes) {
                return "PkgLength shorter than its own encoding";
            }
        };

        abstract String truncated(int needed, int end);

        abstract String shortNameSeg(int end);

        abstract String unterminatedString(int start, int end);

        abstract String shortPkgLength(long length, int encodingBytes);
    }

    /** The constants 0 to 255 and Ones, shared (terms are immutable): a large DSDT's packages hold many. */
    private static final AmlTerm.IntegerConst[] SMALL = new AmlTerm.IntegerConst[256];

    private static final AmlTerm.IntegerConst ONES64 = new AmlTerm.IntegerConst(-1L);
    private static final AmlTerm.IntegerConst ONES32 = new AmlTerm.IntegerConst(0xFFFF_FFFFL);

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new AmlTerm.IntegerConst(i);
        }
    }

    private final byte[] b;
    private final Wording wording;
    private final boolean integers64;
    private final NameSegments segments;
    private int pos;
    private int end;

    /**
     * A reader whose NameSegs, and names of one segment, are taken from {@code segments} when met before, and added
     * to it otherwise.
     */
    AmlReader(byte[] table, Wording wording, boolean integers64, NameSegments segments) {
        this.b = table;
        this.wording = wording;
        this.integers64 = integers64;
        this.segments = segments;
    }

    // ---- position and bound ----------------------------------------------------------------------------------

    int pos() {
        return pos;
    }

    int end() {
        return end;
    }

    /** Moves to {@code offset}, unchecked: the next read checks it against the bound. */
    void seek(int offset) {
        pos = offset;
    }

    void skip(int n) {
        pos += n;
    }

    boolean hasMore() {
        return pos < end;
    }

    /** Bounds reads by {@code limit} and returns the previous bound, for {@link #restore}. */
    int narrow(int limit) {
        int saved = end;
        end = limit;
        return saved;
    }

    void restore(int savedEnd) {
        end = savedEnd;
    }

    /** Reads [offset, offset + length) of the table, clamped to the table, as one bound. */
    void reset(int offset, int length) {
        pos = offset;
        end = Math.min(b.length, offset + length);
    }

    /** The bytes from here to {@code to}, after which the cursor stands. */
    byte[] bytesTo(int to) {
        byte[] out = Arrays.copyOfRange(b, pos, to);
        pos = to;
        return out;
    }

    // ---- raw values -----------------------------------------------------------------------------------------

    int peek() {
        if (pos >= end) {
            throw truncated(1);
        }
        return b[pos] & 0xFF;
    }

    int u8() {
        int v = peek();
        pos++;
        return v;
    }

    int u16() {
        return (int) le(2);
    }

    long u32() {
        return le(4);
    }

    long u64() {
        return le(8);
    }

    private long le(int n) {
        if (end - pos < n) {
            throw truncated(n);
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (b[pos + i] & 0xFFL) << (8 * i);
        }
        pos += n;
        return v;
    }

    private Fault truncated(int n) {
        return new Fault(pos, wording.truncated(n, end));
    }

    // ---- grammar --------------------------------------------------------------------------------------------

    /** The value of a PkgLength encoding (ACPI 6.5 section 20.2.4): 1 to 4 bytes. */
    long pkgLengthValue() {
        int lead = u8();
        int follow = lead >>> 6;
        if (follow == 0) {
            return lead & 0x3F;
        }
        long v = lead & 0x0F;
        for (int i = 0; i < follow; i++) {
            v |= (long) u8() << (4 + 8 * i);
        }
        return v;
    }

    /**
     * Reads a PkgLength and returns the end offset of the package it measures, not yet clamped to the enclosing
     * package; a length shorter than its own encoding is a fault.
     */
    long pkgEnd() {
        int start = pos;
        long length = pkgLengthValue();
        long pe = start + length;
        if (pe < pos) {
            throw new Fault(start, wording.shortPkgLength(length, pos - start));
        }
        return pe;
    }

    /** The integer a constant opcode (Zero, One, Ones, Byte/Word/DWord/QWordPrefix) denotes; null for others. */
    AmlTerm integerConst(int op) {
        return switch (op) {
            case 0x00 -> SMALL[0];
            case 0x01 -> SMALL[1];
            case 0xFF -> integers64 ? ONES64 : ONES32;
            case 0x0A -> SMALL[u8()];
            case 0x0B -> integer(u16());
            case 0x0C -> integer(u32());
            case 0x0E -> integer(u64());
            default -> null;
        };
    }

    private static AmlTerm.IntegerConst integer(long value) {
        return value >= 0 && value < SMALL.length ? SMALL[(int) value] : new AmlTerm.IntegerConst(value);
    }

    /** A String's characters after its opcode, up to and past the NUL. */
    AmlTerm.StringConst string() {
        int start = pos;
        int nul = start;
        while (nul < end && b[nul] != 0) {
            nul++;
        }
        if (nul >= end) {
            throw new Fault(start, wording.unterminatedString(start, end));
        }
        pos = nul + 1;
        return new AmlTerm.StringConst(new String(b, start, nul - start, StandardCharsets.ISO_8859_1));
    }

    /** A NameString (ACPI 6.5 section 20.2.2): root or parent prefixes, then a null, single, dual or multi name. */
    AmlName nameString() {
        boolean root = false;
        int parents = 0;
        int c = u8();
        if (c == '\\') {
            root = true;
            c = u8();
        } else {
            while (c == '^') {
                parents++;
                c = u8();
            }
        }
        List<String> segs;
        if (c == 0x00) {
            segs = List.of();
        } else if (c == 0x2E) {
            segs = List.of(nameSeg(), nameSeg());
        } else if (c == 0x2F) {
            int at = pos;
            int count = u8();
            if (count == 0) {
                throw new Fault(at, "MultiNamePrefix with a segment count of 0");
            }
            String[] s = new String[count];
            for (int i = 0; i < count; i++) {
                s[i] = nameSeg();
            }
            segs = List.of(s);
        } else {
            pos--;
            if (!root && parents == 0) {
                int at = checkedNameSeg();
                pos += 4;
                return segments.name(b, at);
            }
            segs = List.of(nameSeg());
        }
        return new AmlName(root, parents, segs);
    }

    String nameSeg() {
        int at = checkedNameSeg();
        pos += 4;
        return segments.segment(b, at);
    }

    /** The offset of the NameSeg here, whose four bytes are checked; the cursor does not move. */
    private int checkedNameSeg() {
        int at = pos;
        if (end - pos < 4) {
            throw new Fault(at, wording.shortNameSeg(end));
        }
        boolean ok = AmlName.isLeadChar(b[at] & 0xFF);
        for (int i = 1; i < 4; i++) {
            ok &= AmlName.isNameChar(b[at + i] & 0xFF);
        }
        if (!ok) {
            throw new Fault(
                    at,
                    String.format("invalid NameSeg bytes %02X %02X %02X %02X", b[at], b[at + 1], b[at + 2], b[at + 3]));
        }
        return at;
    }

    /** Whether a byte starts a NameString. */
    static boolean isNameStart(int c) {
        return c == '\\' || c == '^' || c == 0x2E || c == 0x2F || AmlName.isLeadChar(c);
    }
}
