package io.github.xenacpi.aml.interp;

import io.github.xenacpi.aml.AmlValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The implicit and explicit data conversions of AML (ACPI 6.5 section 19.3.5.7), the comparison of values,
 * and the value of an Index reference's element.
 */
final class Conversions {
    private final Terms terms;
    private final Meter meter;
    private final IntegerWidth width;

    Conversions(Terms terms, Meter meter, IntegerWidth width) {
        this.terms = terms;
        this.meter = meter;
        this.width = width;
    }

    /** The current value of the element an Index reference denotes. */
    static AmlValue element(AmlValue.ElementRef e) {
        if (e.container() instanceof AmlValue.Buffer b) {
            return new AmlValue.Int(b.data()[e.index()] & 0xFF);
        }
        if (e.container() instanceof AmlValue.Package p) {
            return p.elements()[e.index()];
        }
        AmlValue.Str s = (AmlValue.Str) e.container();
        return new AmlValue.Int(s.value().charAt(e.index()) & 0xFF);
    }

    /** An operand used as a value: Index references give their element, RefOf references the object's value. */
    AmlValue resolveValue(AmlValue v, Frame f) {
        if (v instanceof AmlValue.ElementRef e) {
            return element(e);
        }
        return v;
    }

    /** Whether a predicate's value is true: a non-zero Integer. */
    boolean truthy(AmlValue v, Frame f) {
        return toInt(v, f) != 0;
    }

    /** Implicit conversion to Integer (ACPI 6.5 section 19.3.5.7): strings as hex, buffers little-endian. */
    long toInt(AmlValue v, Frame f) {
        if (v instanceof AmlValue.Int i) {
            return i.value();
        }
        if (v instanceof AmlValue.Buffer b) {
            int n = Math.min(b.data().length, width.bytes());
            long r = 0;
            for (int k = 0; k < n; k++) {
                r |= (b.data()[k] & 0xFFL) << (8 * k);
            }
            return r;
        }
        if (v instanceof AmlValue.Str s) {
            return parseHex(s.value(), 0);
        }
        if (v instanceof AmlValue.ElementRef e) {
            return toInt(element(e), f);
        }
        if (v instanceof AmlValue.Reference r && f != null) {
            AmlValue x = terms.read(r.node(), f);
            if (!(x instanceof AmlValue.Reference)) {
                return toInt(x, f);
            }
        }
        throw new AmlError("a value of type " + v.type() + " used where an Integer is needed in "
                + Frame.where(f)
                + " (AE_AML_OPERAND_TYPE)");
    }

    private long parseHex(String s, int from) {
        long r = 0;
        int digits = 0;
        for (int i = from; i < s.length() && digits < 2 * width.bytes(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                break;
            }
            r = r << 4 | d;
            digits++;
        }
        return r;
    }

    /** ToInteger: a string as decimal, or hex with a 0x prefix. */
    AmlValue toIntegerExplicit(AmlValue v, Frame f) {
        if (v instanceof AmlValue.Str s) {
            String t = s.value().trim();
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return new AmlValue.Int(parseHex(t, 2) & width.ones());
            }
            long r = 0;
            for (int i = 0; i < t.length() && Character.isDigit(t.charAt(i)); i++) {
                r = r * 10 + (t.charAt(i) - '0');
            }
            return new AmlValue.Int(r & width.ones());
        }
        return new AmlValue.Int(toInt(v, f) & width.ones());
    }

    /** Implicit conversion to String: Integers in hex, Buffers as hex bytes. */
    String toStr(AmlValue v, Frame f) {
        AmlValue x = resolveValue(v, f);
        if (x instanceof AmlValue.Str s) {
            return s.value();
        }
        if (x instanceof AmlValue.Int i) {
            return String.format(width.wide() ? "%016X" : "%08X", i.value());
        }
        if (x instanceof AmlValue.Buffer b) {
            meter.allocate(Math.max(0, 3L * b.data().length - 1), f, "String");
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < b.data().length; k++) {
                sb.append(k == 0 ? "" : " ").append(String.format("%02X", b.data()[k]));
            }
            return sb.toString();
        }
        if (x instanceof AmlValue.Reference r && f != null) {
            return toStr(terms.read(r.node(), f), f);
        }
        throw new AmlError("a value of type " + x.type() + " used where a String is needed in " + Frame.where(f));
    }

    /** Implicit conversion to Buffer (a copy): Integers little-endian, Strings with their NUL. */
    byte[] toBuf(AmlValue v, Frame f) {
        AmlValue x = resolveValue(v, f);
        if (x instanceof AmlValue.Buffer b) {
            meter.allocate(b.data().length, f, "Buffer");
            return b.data().clone();
        }
        if (x instanceof AmlValue.Int i) {
            byte[] out = new byte[width.bytes()];
            for (int k = 0; k < out.length; k++) {
                out[k] = (byte) (i.value() >>> (8 * k));
            }
            return out;
        }
        if (x instanceof AmlValue.Str s) {
            meter.allocate(s.value().length() + 1L, f, "Buffer");
            byte[] chars = s.value().getBytes(StandardCharsets.ISO_8859_1);
            return chars.length == 0 ? new byte[0] : Arrays.copyOf(chars, chars.length + 1);
        }
        if (x instanceof AmlValue.Reference r && f != null) {
            return toBuf(terms.read(r.node(), f), f);
        }
        throw new AmlError("a value of type " + x.type() + " used where a Buffer is needed in " + Frame.where(f));
    }

    /** ToHexString's text. */
    String toHexString(AmlValue v, Frame f) {
        if (v instanceof AmlValue.Int i) {
            return "0x" + Long.toHexString(i.value()).toUpperCase(Locale.ROOT);
        }
        if (v instanceof AmlValue.Buffer b) {
            // Checked before the text is built: "0xNN," is five characters a byte.
            meter.allocate(Math.max(0, 5L * b.data().length - 1), f, "String");
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < b.data().length; k++) {
                sb.append(k == 0 ? "" : ",").append(String.format("0x%02X", b.data()[k]));
            }
            return sb.toString();
        }
        return toStr(v, f);
    }

    /** ToDecimalString's text. */
    String toDecimalString(AmlValue v, Frame f) {
        if (v instanceof AmlValue.Int i) {
            return Long.toUnsignedString(i.value());
        }
        if (v instanceof AmlValue.Buffer b) {
            // Checked before the text is built: up to four characters a byte ("255,").
            meter.allocate(Math.max(0, 4L * b.data().length - 1), f, "String");
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < b.data().length; k++) {
                sb.append(k == 0 ? "" : ",").append(b.data()[k] & 0xFF);
            }
            return sb.toString();
        }
        return toStr(v, f);
    }

    /** ToString: the buffer's bytes up to a NUL or the length (Ones for no limit). */
    AmlValue toStringOp(byte[] buf, long length) {
        int n = 0;
        long max = length == width.ones() ? buf.length : Math.min(length, buf.length);
        while (n < max && buf[n] != 0) {
            n++;
        }
        return new AmlValue.Str(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
    }

    /** Compares two values as LEqual, LGreater and LLess do: the second converted to the first's type. */
    int compare(AmlValue a0, AmlValue b0, Frame f) {
        AmlValue a = resolveValue(a0, f);
        AmlValue b = resolveValue(b0, f);
        if (a instanceof AmlValue.Reference r) {
            a = terms.read(r.node(), f);
        }
        if (a instanceof AmlValue.Str s) {
            meter.touch(s.value().length(), f);
            return Integer.signum(s.value().compareTo(toStr(b, f)));
        }
        if (a instanceof AmlValue.Buffer x) {
            meter.touch(x.data().length, f);
            return Integer.signum(Arrays.compareUnsigned(x.data(), toBuf(b, f)));
        }
        return Long.compareUnsigned(toInt(a, f), toInt(b, f));
    }
}
