package io.github.xenacpi.platform.builder.aml;

import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlOpcode;
import io.github.xenacpi.aml.AmlTerm;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes AML (ACPI 6.5 chapter 20) into a growing byte array: integers in the shortest form iasl uses, strings,
 * NameStrings, PkgLengths, and whole {@link AmlTerm} trees. Operators are written by the operand kinds of
 * {@link AmlOpcode}, the table the loader reads them by. Not thread-safe.
 */
public final class AmlWriter {
    private byte[] buf = new byte[64];
    private int pos;

    /** Bytes written so far. */
    public int size() {
        return pos;
    }

    /** A copy of the bytes written. */
    public byte[] toBytes() {
        return Arrays.copyOf(buf, pos);
    }

    public AmlWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    /** {@code n} bytes of {@code v}, little-endian. */
    public AmlWriter le(long v, int n) {
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    public AmlWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    /** An opcode: one byte, or the 0x5B prefix and a byte for codes above 0xFF. */
    public AmlWriter opcode(int code) {
        if (code > 0xFF) {
            u8(AmlOpcode.EXT_PREFIX);
        }
        return u8(code & 0xFF);
    }

    /**
     * An integer constant as iasl writes it: Zero, One, Ones (all 64 bits set), else the shortest of
     * ByteConst, WordConst, DWordConst and QWordConst.
     */
    public AmlWriter integer(long v) {
        if (v == 0) {
            return u8(0x00);
        }
        if (v == 1) {
            return u8(0x01);
        }
        if (v == -1L) {
            return u8(0xFF);
        }
        if ((v & ~0xFFL) == 0) {
            return u8(0x0A).le(v, 1);
        }
        if ((v & ~0xFFFFL) == 0) {
            return u8(0x0B).le(v, 2);
        }
        if ((v & ~0xFFFF_FFFFL) == 0) {
            return u8(0x0C).le(v, 4);
        }
        return u8(0x0E).le(v, 8);
    }

    /** A String: prefix, ASCII characters, NUL. */
    public AmlWriter string(String s) {
        return u8(0x0D).bytes(s.getBytes(StandardCharsets.ISO_8859_1)).u8(0);
    }

    /** A NameString with its prefixes and the dual or multi name prefix as needed. */
    public AmlWriter nameString(AmlName name) {
        if (name.rooted()) {
            u8('\\');
        }
        for (int i = 0; i < name.parentPrefixes(); i++) {
            u8('^');
        }
        List<String> segs = name.segments();
        if (segs.isEmpty()) {
            return u8(0x00);
        }
        if (segs.size() == 2) {
            u8(0x2E);
        } else if (segs.size() > 2) {
            u8(0x2F).u8(segs.size());
        }
        for (String s : segs) {
            bytes(s.getBytes(StandardCharsets.US_ASCII));
        }
        return this;
    }

    /** A NameString given as ASL text ({@code \_SB.PCI0}, {@code ^FOO}, {@code _HID}). */
    public AmlWriter nameString(String name) {
        return nameString(AmlName.parse(name));
    }

    /**
     * A PkgLength for a package whose contents after the PkgLength have {@code contentLength} bytes: the encoded
     * value counts its own bytes, and the shortest encoding that fits is used, as iasl does.
     */
    public AmlWriter pkgLength(int contentLength) {
        for (int n = 1; n <= 4; n++) {
            long total = (long) contentLength + n;
            long max = n == 1 ? 0x3F : (1L << (4 + 8 * (n - 1))) - 1;
            if (total <= max) {
                return pkgLengthValue(total, n);
            }
        }
        throw new IllegalArgumentException("package of " + contentLength + " bytes exceeds the PkgLength range");
    }

    /** A raw PkgLength-encoded value in exactly {@code n} bytes (also the bit length of a field element). */
    public AmlWriter pkgLengthValue(long value, int n) {
        if (n == 1) {
            return u8((int) value);
        }
        u8((n - 1) << 6 | (int) (value & 0x0F));
        return le(value >>> 4, n - 1);
    }

    /** A field element length: the shortest PkgLength encoding of {@code bits}. */
    public AmlWriter fieldLength(long bits) {
        int n = bits <= 0x3F ? 1 : bits <= 0xFFF ? 2 : bits <= 0xFFFFF ? 3 : 4;
        return pkgLengthValue(bits, n);
    }

    /** The opcode, then a PkgLength, then {@code content}. */
    public AmlWriter pkg(int opcode, byte[] content) {
        return opcode(opcode).pkgLength(content.length).bytes(content);
    }

    /** A term: constants, data objects, names, calls, locals, args and operators. */
    public AmlWriter term(AmlTerm t) {
        if (t instanceof AmlTerm.IntegerConst i) {
            return integer(i.value());
        }
        if (t instanceof AmlTerm.StringConst s) {
            return string(s.value());
        }
        if (t instanceof AmlTerm.BufferData b) {
            AmlWriter inner = new AmlWriter().term(b.size()).bytes(b.initializer());
            return pkg(0x11, inner.toBytes());
        }
        if (t instanceof AmlTerm.PackageData p) {
            AmlWriter inner = new AmlWriter();
            if (p.variable()) {
                inner.term(p.count());
            } else {
                inner.u8((int) p.count().literal().orElse(p.elements().size()));
            }
            p.elements().forEach(inner::term);
            return pkg(p.variable() ? 0x13 : 0x12, inner.toBytes());
        }
        if (t instanceof AmlTerm.NameRef n) {
            return nameString(n.name());
        }
        if (t instanceof AmlTerm.MethodCall c) {
            nameString(c.name());
            c.arguments().forEach(this::term);
            return this;
        }
        if (t instanceof AmlTerm.Local l) {
            return u8(0x60 + l.index());
        }
        if (t instanceof AmlTerm.Arg a) {
            return u8(0x68 + a.index());
        }
        if (t instanceof AmlTerm.NoTarget) {
            return u8(0x00);
        }
        AmlTerm.Operation op = (AmlTerm.Operation) t;
        opcode(op.opcode().code());
        String kinds = op.opcode().operands();
        for (int i = 0; i < kinds.length(); i++) {
            AmlTerm operand = op.operands().get(i);
            switch (kinds.charAt(i)) {
                case 'B' -> le(operand.literal().orElseThrow(), 1);
                case 'W' -> le(operand.literal().orElseThrow(), 2);
                case 'D' -> le(operand.literal().orElseThrow(), 4);
                default -> term(operand);
            }
        }
        return this;
    }

    /**
     * The EISA ID integer iasl makes of {@code EISAID ("PNP0A08")}: three letters compressed into 5 bits each and
     * four hex digits, stored byte-swapped.
     */
    public static long eisaId(String id) {
        if (id.length() != 7) {
            throw new IllegalArgumentException("EISA ID must have 7 characters: " + id);
        }
        int v = ((id.charAt(0) - 0x40) & 0x1F) << 26
                | ((id.charAt(1) - 0x40) & 0x1F) << 21
                | ((id.charAt(2) - 0x40) & 0x1F) << 16
                | Integer.parseInt(id.substring(3), 16);
        return Integer.reverseBytes(v) & 0xFFFF_FFFFL;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(pos + n, buf.length * 2));
        }
    }
}
