package io.github.xenacpi.aml.interp;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.aml.AmlOpcode;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.AmlValue;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates the AML operators that compute a value (ACPI 6.5 section 19.6): arithmetic, logic, references,
 * Index, Match, string and buffer operators, and the operators the model answers without effect.
 */
final class Operators {
    /** What the Revision operator returns: an ACPICA version number. */
    private static final long ACPICA_REVISION = 0x2024_0827L;

    private final Terms terms;
    private final Stores stores;
    private final ObjectOperators objects;
    private final Conversions conversions;
    private final Meter meter;
    private final EvaluationLog log;
    private final IntegerWidth width;

    Operators(
            Terms terms,
            Stores stores,
            ObjectOperators objects,
            Conversions conversions,
            Meter meter,
            EvaluationLog log,
            IntegerWidth width) {
        this.terms = terms;
        this.stores = stores;
        this.objects = objects;
        this.conversions = conversions;
        this.meter = meter;
        this.log = log;
        this.width = width;
    }

    /** The value of an operator's result: the operator applied to its evaluated operands, stored to its target. */
    AmlValue operation(AmlTerm.Operation op, Frame f) {
        List<AmlTerm> o = op.operands();
        return switch (op.opcode()) {
            case STORE -> {
                AmlValue v = resolved(o.get(0), f);
                stores.store(o.get(1), v, f);
                yield v;
            }
            case COPY_OBJECT -> {
                AmlValue v = resolved(o.get(0), f);
                stores.copyObject(o.get(1), v, f);
                yield v;
            }
            case ADD, SUBTRACT, MULTIPLY, SHIFT_LEFT, SHIFT_RIGHT, AND, NAND, OR, NOR, XOR, MOD ->
                result(binary(op.opcode(), integer(o.get(0), f), integer(o.get(1), f), f), o.get(2), f);
            case DIVIDE -> {
                long a = integer(o.get(0), f);
                long b = integer(o.get(1), f);
                if (b == 0) {
                    throw new AmlError("Divide by zero (AE_AML_DIVIDE_BY_ZERO) in " + f.scope.path());
                }
                stores.store(o.get(2), new AmlValue.Int(Long.remainderUnsigned(a, b)), f);
                yield result(Long.divideUnsigned(a, b), o.get(3), f);
            }
            case NOT -> result(~integer(o.get(0), f), o.get(1), f);
            case FIND_SET_LEFT_BIT -> {
                long v = integer(o.get(0), f);
                yield result(v == 0 ? 0 : 64 - Long.numberOfLeadingZeros(v), o.get(1), f);
            }
            case FIND_SET_RIGHT_BIT -> {
                long v = integer(o.get(0), f);
                yield result(v == 0 ? 0 : Long.numberOfTrailingZeros(v) + 1, o.get(1), f);
            }
            case INCREMENT, DECREMENT -> {
                long v = integer(o.get(0), f) + (op.opcode() == AmlOpcode.INCREMENT ? 1 : -1);
                AmlValue r = new AmlValue.Int(v & width.ones());
                stores.store(o.get(0), r, f);
                yield r;
            }
            case LAND -> bool(truthy(o.get(0), f) && truthy(o.get(1), f));
            case LOR -> bool(truthy(o.get(0), f) || truthy(o.get(1), f));
            case LNOT -> bool(!truthy(o.get(0), f));
            case LEQUAL -> bool(conversions.compare(value(o.get(0), f), value(o.get(1), f), f) == 0);
            case LGREATER -> bool(conversions.compare(value(o.get(0), f), value(o.get(1), f), f) > 0);
            case LLESS -> bool(conversions.compare(value(o.get(0), f), value(o.get(1), f), f) < 0);
            case REF_OF -> objects.refOf(o.get(0), f);
            case COND_REF_OF -> objects.condRefOf(o.get(0), o.get(1), f);
            case DEREF_OF -> objects.derefOf(value(o.get(0), f), f);
            case INDEX -> result(objects.index(value(o.get(0), f), integer(o.get(1), f), f), o.get(2), f);
            case SIZE_OF -> new AmlValue.Int(objects.sizeOf(resolved(o.get(0), f), f));
            case OBJECT_TYPE -> new AmlValue.Int(objects.objectType(o.get(0), f));
            case MATCH -> objects.match(o, f);
            case CONCATENATE -> result(concatenate(value(o.get(0), f), value(o.get(1), f), f), o.get(2), f);
            case CONCATENATE_RES_TEMPLATE ->
                result(concatResTemplate(buffer(o.get(0), f), buffer(o.get(1), f), f), o.get(2), f);
            case TO_INTEGER -> result(conversions.toIntegerExplicit(resolved(o.get(0), f), f), o.get(1), f);
            case TO_BUFFER -> result(new AmlValue.Buffer(buffer(o.get(0), f)), o.get(1), f);
            case TO_HEX_STRING ->
                result(new AmlValue.Str(conversions.toHexString(resolved(o.get(0), f), f)), o.get(1), f);
            case TO_DECIMAL_STRING ->
                result(new AmlValue.Str(conversions.toDecimalString(resolved(o.get(0), f), f)), o.get(1), f);
            case TO_STRING -> result(conversions.toStringOp(buffer(o.get(0), f), integer(o.get(1), f)), o.get(2), f);
            case MID -> result(mid(resolved(o.get(0), f), integer(o.get(1), f), integer(o.get(2), f), f), o.get(3), f);
            case FROM_BCD -> result(fromBcd(integer(o.get(0), f)), o.get(1), f);
            case TO_BCD -> result(toBcd(integer(o.get(0), f)), o.get(1), f);
            case NOTIFY -> {
                value(o.get(1), f);
                yield new AmlValue.Uninitialized();
            }
            case STALL, SLEEP -> {
                value(o.get(0), f);
                yield new AmlValue.Uninitialized();
            }
            case ACQUIRE, WAIT -> new AmlValue.Int(0);
            case SIGNAL, RESET, RELEASE, NOOP, BREAK_POINT, DEBUG -> new AmlValue.Uninitialized();
            case REVISION -> new AmlValue.Int(ACPICA_REVISION);
            case TIMER -> {
                log.unknown("Timer read in " + f.scope.path());
                yield new AmlValue.Int(0);
            }
            case FATAL -> {
                log.finding(
                        Severity.WARNING,
                        f,
                        "Fatal (type 0x%X, code 0x%X) executed in %s; continued as Linux does",
                        o.get(0).literal().orElse(0),
                        o.get(1).literal().orElse(0),
                        f.scope.path());
                yield new AmlValue.Uninitialized();
            }
            case LOAD, LOAD_TABLE, UNLOAD -> {
                log.finding(
                        Severity.INFO,
                        f,
                        "unsupported in %s: %s (tables are not loaded at run time); " + "it returned Zero",
                        f.scope.path(),
                        op.opcode().mnemonic());
                log.unknown(op.opcode().mnemonic() + " in " + f.scope.path());
                yield new AmlValue.Int(0);
            }
            default -> throw new AmlError(op.opcode().mnemonic() + " used as a value in " + f.scope.path());
        };
    }

    private AmlValue value(AmlTerm operand, Frame f) {
        return terms.eval(operand, f);
    }

    /** An operand's value with an Index reference standing for its element. */
    private AmlValue resolved(AmlTerm operand, Frame f) {
        return conversions.resolveValue(value(operand, f), f);
    }

    private long integer(AmlTerm operand, Frame f) {
        return conversions.toInt(value(operand, f), f);
    }

    private boolean truthy(AmlTerm operand, Frame f) {
        return conversions.truthy(value(operand, f), f);
    }

    private byte[] buffer(AmlTerm operand, Frame f) {
        return conversions.toBuf(value(operand, f), f);
    }

    private long binary(AmlOpcode op, long a, long b, Frame f) {
        int bits = width.bits();
        return switch (op) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case SHIFT_LEFT -> Long.compareUnsigned(b, bits) >= 0 ? 0 : a << b;
            case SHIFT_RIGHT -> Long.compareUnsigned(b, bits) >= 0 ? 0 : a >>> b;
            case AND -> a & b;
            case NAND -> ~(a & b);
            case OR -> a | b;
            case NOR -> ~(a | b);
            case XOR -> a ^ b;
            default -> {
                if (b == 0) {
                    throw new AmlError("Mod by zero (AE_AML_DIVIDE_BY_ZERO) in " + f.scope.path());
                }
                yield Long.remainderUnsigned(a, b);
            }
        };
    }

    private AmlValue result(long v, AmlTerm target, Frame f) {
        return result(new AmlValue.Int(v & width.ones()), target, f);
    }

    private AmlValue result(AmlValue v, AmlTerm target, Frame f) {
        stores.store(target, v, f);
        return v;
    }

    private AmlValue bool(boolean b) {
        return new AmlValue.Int(b ? width.ones() : 0);
    }

    private AmlValue mid(AmlValue src, long index, long length, Frame f) {
        if (src instanceof AmlValue.Str s) {
            String t = s.value();
            int from = (int) Math.min(Math.max(index, 0), t.length());
            int to = (int) Math.min(t.length(), from + Math.min(Math.max(length, 0), Integer.MAX_VALUE));
            meter.allocate(to - from, f, "String");
            return new AmlValue.Str(t.substring(from, to));
        }
        // A Buffer's part is copied from its bytes directly: copying the whole source first made each Mid of a
        // large buffer cost the whole buffer.
        AmlValue resolved = conversions.resolveValue(src, f);
        byte[] b = resolved instanceof AmlValue.Buffer whole ? whole.data() : conversions.toBuf(src, f);
        int from = (int) Math.min(Math.max(index, 0), b.length);
        int to = (int) Math.min(b.length, from + Math.min(Math.max(length, 0), Integer.MAX_VALUE));
        meter.allocate(to - from, f, "Buffer");
        return new AmlValue.Buffer(Arrays.copyOfRange(b, from, to));
    }

    private AmlValue concatenate(AmlValue a0, AmlValue b0, Frame f) {
        AmlValue a = conversions.resolveValue(a0, f);
        AmlValue b = conversions.resolveValue(b0, f);
        if (a instanceof AmlValue.Str s) {
            String tail = conversions.toStr(b, f);
            meter.allocate((long) s.value().length() + tail.length(), f, "String");
            return new AmlValue.Str(s.value() + tail);
        }
        byte[] x = conversions.toBuf(a, f);
        byte[] y = conversions.toBuf(b instanceof AmlValue.Str s ? new AmlValue.Str(s.value()) : b, f);
        if (b instanceof AmlValue.Str && y.length > 0) {
            y = Arrays.copyOf(y, y.length - 1);
        }
        meter.allocate((long) x.length + y.length, f, "Buffer");
        byte[] r = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, r, x.length, y.length);
        return new AmlValue.Buffer(r);
    }

    private AmlValue concatResTemplate(byte[] a, byte[] b, Frame f) {
        int la = endTag(a);
        int lb = endTag(b);
        meter.allocate((long) la + lb + 2, f, "Buffer");
        byte[] r = new byte[la + lb + 2];
        System.arraycopy(a, 0, r, 0, la);
        System.arraycopy(b, 0, r, la, lb);
        r[la + lb] = 0x79;
        return new AmlValue.Buffer(r);
    }

    /** The length of a template before its End Tag (0x79 and a checksum byte), or its whole length. */
    private static int endTag(byte[] t) {
        return t.length >= 2 && (t[t.length - 2] & 0xFF) == 0x79 ? t.length - 2 : t.length;
    }

    private static long fromBcd(long v) {
        long r = 0;
        long scale = 1;
        for (int i = 0; i < 16; i++) {
            r += ((v >>> (4 * i)) & 0xF) * scale;
            scale *= 10;
        }
        return r;
    }

    private static long toBcd(long v) {
        long r = 0;
        long x = v;
        for (int i = 0; i < 16 && x != 0; i++) {
            r |= Long.remainderUnsigned(x, 10) << (4 * i);
            x = Long.divideUnsigned(x, 10);
        }
        return r;
    }
}
