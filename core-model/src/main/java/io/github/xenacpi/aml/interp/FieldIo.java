package io.github.xenacpi.aml.interp;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlSource;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.NamespaceNode;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads and writes field units and buffer fields: evaluates OperationRegion operands (once per region) and
 * CreateXxxField operands (once per buffer field), splits a field access into datums of its access width, and hands
 * each datum to the {@link AddressSpaces}; an IndexField or BankField reaches its data through the named objects of
 * its index or bank register.
 */
final class FieldIo implements FieldAccess {
    private final IdentityHashMap<NamespaceNode, RegionState> regions = new IdentityHashMap<>();
    private final IdentityHashMap<NamespaceNode, BufferSlice> bufferFields = new IdentityHashMap<>();
    private final Terms terms;
    private final Conversions conversions;
    private final AddressSpaces spaces;
    private final Meter meter;
    private final EvaluationLog log;
    private final IntegerWidth integerWidth;

    FieldIo(
            Terms terms,
            Conversions conversions,
            AddressSpaces spaces,
            Meter meter,
            EvaluationLog log,
            IntegerWidth integerWidth) {
        this.terms = terms;
        this.conversions = conversions;
        this.spaces = spaces;
        this.meter = meter;
        this.log = log;
        this.integerWidth = integerWidth;
    }

    @Override
    public AmlValue read(NamespaceNode field, Frame f) {
        AmlObject o = field.object();
        if (o instanceof AmlObject.FieldUnit fu) {
            return readField(field, fu, f);
        }
        return readSlice(slice(field, (AmlObject.BufferField) o, f));
    }

    @Override
    public void write(NamespaceNode field, AmlValue v, Frame f) {
        AmlObject o = field.object();
        if (o instanceof AmlObject.FieldUnit fu) {
            writeField(field, fu, v, f);
        } else {
            writeSlice(slice(field, (AmlObject.BufferField) o, f), v, f);
        }
    }

    @Override
    public void declare(NamespaceNode node, Frame f) {
        if (node.object() instanceof AmlObject.BufferField bf) {
            f.slices.put(node, slice(bf, f));
        } else {
            f.regions.put(node, evaluateRegion(node, f));
        }
    }

    @Override
    public RegionState region(NamespaceNode region) {
        return regionState(region, null);
    }

    /** The bits a buffer field stands for: the frame's own (declared in a method), else created once on first use. */
    private BufferSlice slice(NamespaceNode node, AmlObject.BufferField bf, Frame f) {
        return frameOrOnce(f == null ? null : f.slices, bufferFields, node, init -> slice(bf, init));
    }

    /** Evaluates a CreateXxxField's operands: the buffer and the bits, which must fit it. */
    private BufferSlice slice(AmlObject.BufferField bf, Frame f) {
        AmlValue src = terms.eval(bf.source(), f);
        if (src instanceof AmlValue.Reference r) {
            src = terms.read(r.node(), f);
        }
        if (!(src instanceof AmlValue.Buffer buf)) {
            throw new AmlError("CreateField on a " + src.type() + " in " + f.scope.path());
        }
        long index = conversions.toInt(terms.eval(bf.index(), f), f);
        long bitIndex = bf.kind() == AmlObject.BufferFieldKind.BIT || bf.kind() == AmlObject.BufferFieldKind.FIELD
                ? index
                : index * 8;
        long bits = bf.kind() == AmlObject.BufferFieldKind.FIELD
                ? conversions.toInt(terms.eval(bf.bitCount(), f), f)
                : bf.kind().bits();
        if (bitIndex < 0 || bits <= 0 || bitIndex + bits > (long) buf.data().length * 8) {
            throw new AmlError(String.format(
                    "buffer field of %d bits at bit %d does not fit the %d-byte buffer in "
                            + "%s (AE_AML_BUFFER_LIMIT)",
                    bits, bitIndex, buf.data().length, f.scope.path()));
        }
        return new BufferSlice(buf, bitIndex, bits);
    }

    /** The value of a buffer field: an Integer when it fits one, else a Buffer. */
    private AmlValue readSlice(BufferSlice s) {
        if (s.bitLength() > 64) {
            meter.allocate((s.bitLength() + 7) / 8, null, "buffer field");
        }
        return bitsValue(s.buffer().data(), s.bitIndex(), s.bitLength());
    }

    private AmlValue bitsValue(byte[] data, long bitIndex, long bits) {
        if (bits <= integerWidth.bits()) {
            long v = 0;
            for (long i = 0; i < bits; i++) {
                long b = bitIndex + i;
                if ((data[(int) (b >>> 3)] >> (b & 7) & 1) != 0) {
                    v |= 1L << i;
                }
            }
            return new AmlValue.Int(v);
        }
        byte[] out = new byte[(int) ((bits + 7) / 8)];
        for (long i = 0; i < bits; i++) {
            long b = bitIndex + i;
            if ((data[(int) (b >>> 3)] >> (b & 7) & 1) != 0) {
                out[(int) (i >>> 3)] |= (byte) (1 << (i & 7));
            }
        }
        return new AmlValue.Buffer(out);
    }

    /** Writes a value's low bits into a buffer field's bits, zero-extended. */
    private void writeSlice(BufferSlice s, AmlValue v, Frame f) {
        byte[] src = conversions.toBuf(v, f);
        byte[] data = s.buffer().data();
        meter.touch(s.bitLength() / 8, f);
        for (long i = 0; i < s.bitLength(); i++) {
            boolean bit = i / 8 < src.length && (src[(int) (i / 8)] >> (i & 7) & 1) != 0;
            long b = s.bitIndex() + i;
            int at = (int) (b >>> 3);
            if (bit) {
                data[at] |= (byte) (1 << (b & 7));
            } else {
                data[at] &= (byte) ~(1 << (b & 7));
            }
        }
    }

    /** A region's operands: the frame's own (declared in a method), else evaluated once on first use. */
    private RegionState regionState(NamespaceNode node, Frame f) {
        return frameOrOnce(f == null ? null : f.regions, regions, node, init -> evaluateRegion(node, init));
    }

    /**
     * The frame's own state for an object declared in a method, else the namespace object's, made once (in a frame
     * of the object's parent scope) on first use.
     */
    private static <T> T frameOrOnce(
            Map<NamespaceNode, T> frame, Map<NamespaceNode, T> once, NamespaceNode node, Function<Frame, T> make) {
        T own = frame == null ? null : frame.get(node);
        if (own != null) {
            return own;
        }
        T s = once.get(node);
        if (s == null) {
            s = make.apply(new Frame(node.parentOrNull()));
            once.put(node, s);
        }
        return s;
    }

    /** Evaluates an OperationRegion's offset and length; unresolved with the reason when they are unknown. */
    private RegionState evaluateRegion(NamespaceNode node, Frame f) {
        AmlObject o = node.object();
        if (!(o instanceof AmlObject.OperationRegion r)) {
            if (o instanceof AmlObject.DataTableRegion) {
                return new RegionState(
                        AddressSpace.OTHER, -1, 0, 0, "a DataTableRegion: its bytes are an ACPI table, not an address");
            }
            throw new AmlError(node.path() + " is a " + node.type() + ", not an OperationRegion");
        }
        int before = log.unknownCount();
        int savedOffset = f.offset;
        f.offset = node.sourceOrNull() == null ? -1 : (int) node.sourceOrNull().offset();
        try {
            long base = conversions.toInt(terms.eval(r.offset(), f), f);
            long length = conversions.toInt(terms.eval(r.length(), f), f);
            if (log.unknownCount() > before) {
                return new RegionState(
                        r.space(),
                        r.spaceId(),
                        base,
                        length,
                        "its operands depend on state the " + "model does not have: " + log.lastUnknown());
            }
            if (length != 0 && Long.compareUnsigned(base + length - 1, base) < 0) {
                String why = String.format(
                        "0x%X bytes from 0x%X run past the top of the 64-bit address space"
                                + " (the last byte would wrap to 0x%X)",
                        length, base, base + length - 1);
                AmlSource src = node.sourceOrNull();
                log.finding(new Diagnostic(
                        src == null ? "" : src.table(),
                        src == null ? 0 : src.instance(),
                        src == null ? -1 : src.offset(),
                        Severity.ERROR,
                        "OperationRegion " + node.path() + ": " + why));
                return new RegionState(r.space(), r.spaceId(), base, length, why);
            }
            return new RegionState(r.space(), r.spaceId(), base, length, null);
        } catch (AmlError e) {
            return new RegionState(r.space(), r.spaceId(), 0, 0, "evaluating its operands failed: " + e.getMessage());
        } finally {
            f.offset = savedOffset;
        }
    }

    private NamespaceNode fieldPart(NamespaceNode unit, AmlName name, Frame f) {
        return terms.resolve(name, f, unit.parentOrNull());
    }

    /** Reads a field unit through its region, index or bank field. */
    private AmlValue readField(NamespaceNode node, AmlObject.FieldUnit fu, Frame f) {
        long bits = fu.bitLength();
        meter.allocate((bits + 7) / 8, f, "field " + node.path());
        byte[] data = new byte[(int) ((bits + 7) / 8) + 16];
        transfer(node, fu, data, false, f);
        return bitsValue(data, 0, bits);
    }

    /** Writes a value to a field unit through its region, index or bank field. */
    private void writeField(NamespaceNode node, AmlObject.FieldUnit fu, AmlValue v, Frame f) {
        long bits = fu.bitLength();
        meter.allocate((bits + 7) / 8, f, "field " + node.path());
        byte[] src = conversions.toBuf(v, f);
        byte[] data = Arrays.copyOf(src, (int) ((bits + 7) / 8) + 16);
        transfer(node, fu, data, true, f);
    }

    /**
     * Moves a field's bits between {@code data} (bit 0 = the field's first bit) and its region, datum by datum in
     * the access width, recording each access: an IndexField writes the datum's byte offset to its index field and
     * then accesses its data field; a BankField first writes its bank value to the bank field.
     */
    private void transfer(NamespaceNode node, AmlObject.FieldUnit fu, byte[] data, boolean write, Frame f) {
        if (fu.bitLength() <= 0) {
            return;
        }
        int width = accessBits(fu);
        long first = fu.bitOffset() / width;
        long last = (fu.bitOffset() + fu.bitLength() - 1) / width;
        AmlObject.FieldSource src = fu.source();
        NamespaceNode region = null;
        RegionState rs = null;
        if (src instanceof AmlObject.RegionField rf) {
            region = fieldPart(node, rf.region(), f);
            rs = regionState(region, f);
        } else if (src instanceof AmlObject.BankField bank) {
            region = fieldPart(node, bank.region(), f);
            rs = regionState(region, f);
            NamespaceNode bankNode = fieldPart(node, bank.bank(), f);
            Frame scope = new Frame(node.parentOrNull());
            AmlValue bankValue = terms.eval(bank.bankValue(), scope);
            terms.write(bankNode, bankValue, f);
        }
        if (rs != null && isSerialSpace(rs.space())) {
            // GPIO fields count pins, one bit each; serial-bus style spaces transfer the whole unit at once.
            long offset = rs.space() == AddressSpace.GENERAL_PURPOSE_IO ? fu.bitOffset() : fu.bitOffset() / 8;
            int bits = (int) Math.min(Integer.MAX_VALUE, fu.bitLength());
            if (write) {
                spaces.write(region, rs, offset, bits, f);
            } else {
                spaces.read(region, rs, offset, bits, f);
            }
            return;
        }
        for (long d = first; d <= last; d++) {
            meter.step(f);
            long datumBit = d * width;
            long lo = Math.max(datumBit, fu.bitOffset());
            long hi = Math.min(datumBit + width, fu.bitOffset() + fu.bitLength());
            long value;
            if (src instanceof AmlObject.IndexField ix) {
                NamespaceNode index = fieldPart(node, ix.index(), f);
                NamespaceNode dataNode = fieldPart(node, ix.data(), f);
                terms.write(index, new AmlValue.Int(datumBit / 8), f);
                if (write) {
                    long old = partial(lo, hi, datumBit, width) ? conversions.toInt(terms.read(dataNode, f), f) : 0;
                    terms.write(dataNode, new AmlValue.Int(merge(old, data, lo, hi, datumBit, fu)), f);
                    continue;
                }
                value = conversions.toInt(terms.read(dataNode, f), f);
            } else {
                long offset = datumBit / 8;
                if (write) {
                    if (partial(lo, hi, datumBit, width) && fu.access().updateRule() == 0) {
                        // Preserve: the bits outside the field are read first (read-modify-write).
                        spaces.read(region, rs, offset, width, f);
                    }
                    spaces.write(region, rs, offset, width, f);
                    continue;
                }
                value = spaces.read(region, rs, offset, width, f);
            }
            for (long b = lo; b < hi; b++) {
                if ((value >>> (b - datumBit) & 1) != 0) {
                    long out = b - fu.bitOffset();
                    data[(int) (out >>> 3)] |= (byte) (1 << (out & 7));
                }
            }
        }
    }

    private static boolean partial(long lo, long hi, long datumBit, int width) {
        return lo > datumBit || hi < datumBit + width;
    }

    private static long merge(long old, byte[] data, long lo, long hi, long datumBit, AmlObject.FieldUnit fu) {
        long v = old;
        for (long b = lo; b < hi; b++) {
            long in = b - fu.bitOffset();
            long mask = 1L << (b - datumBit);
            v = (data[(int) (in >>> 3)] >> (in & 7) & 1) != 0 ? v | mask : v & ~mask;
        }
        return v;
    }

    private static boolean isSerialSpace(AddressSpace s) {
        return s == AddressSpace.SMBUS
                || s == AddressSpace.IPMI
                || s == AddressSpace.GENERIC_SERIAL_BUS
                || s == AddressSpace.PLATFORM_COMM_CHANNEL
                || s == AddressSpace.PLATFORM_RUNTIME_MECHANISM
                || s == AddressSpace.GENERAL_PURPOSE_IO;
    }

    /**
     * The access width of a field in bits: the AccessAs type, or for AnyAcc and BufferAcc the narrowest of 8, 16,
     * 32 and 64 bits whose aligned unit holds the whole field (8 when none does).
     */
    private static int accessBits(AmlObject.FieldUnit fu) {
        return switch (fu.access().accessType()) {
            case 1 -> 8;
            case 2 -> 16;
            case 3 -> 32;
            case 4 -> 64;
            default -> {
                for (int w = 8; w <= 64; w <<= 1) {
                    if (fu.bitOffset() / w == (fu.bitOffset() + fu.bitLength() - 1) / w) {
                        yield w;
                    }
                }
                yield 8;
            }
        };
    }
}
