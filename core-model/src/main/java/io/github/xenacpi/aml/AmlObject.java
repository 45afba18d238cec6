package io.github.xenacpi.aml;

import io.github.xenacpi.acpi.region.AddressSpace;
import java.util.Objects;

/**
 * What a namespace node holds, as loaded from a definition block and before any evaluation: one variant per
 * kind of named object (ACPI 6.5 section 20.2.5.2). Operands are kept as unevaluated {@link AmlTerm}s.
 */
public sealed interface AmlObject {

    /** The object's type as ObjectType would report it. */
    ObjectType type();

    /** A scope with no object of its own (the root and the predefined scopes). */
    record Scope() implements AmlObject {
        @Override
        public ObjectType type() {
            return ObjectType.SCOPE;
        }
    }

    /** Name (name, value): a named data object. */
    record Name(AmlTerm value) implements AmlObject {
        public Name {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ObjectType type() {
            if (value instanceof AmlTerm.IntegerConst) {
                return ObjectType.INTEGER;
            }
            if (value instanceof AmlTerm.StringConst) {
                return ObjectType.STRING;
            }
            if (value instanceof AmlTerm.BufferData) {
                return ObjectType.BUFFER;
            }
            if (value instanceof AmlTerm.PackageData) {
                return ObjectType.PACKAGE;
            }
            return ObjectType.ANY;
        }
    }

    /**
     * Alias (source, alias): this name stands for the source object, whose path the loader made absolute (from the
     * scope the Alias appeared in, at the time it appeared).
     */
    record Alias(AmlName target) implements AmlObject {
        public Alias {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public ObjectType type() {
            return ObjectType.ALIAS;
        }
    }

    /**
     * A control method: argument count (0-7), serialization, sync level (0-15) and where its body lies in the
     * table (offset and length in bytes). The body is not parsed at load time.
     */
    record Method(int argCount, boolean serialized, int syncLevel, int bodyOffset, int bodyLength)
            implements AmlObject {
        @Override
        public ObjectType type() {
            return ObjectType.METHOD;
        }
    }

    /** Device (name) {...}. */
    record Device() implements AmlObject {
        @Override
        public ObjectType type() {
            return ObjectType.DEVICE;
        }
    }

    /** Processor (name, id, block address, block length) {...} (deprecated since ACPI 6.4, still found). */
    record Processor(int processorId, long blockAddress, int blockLength) implements AmlObject {
        @Override
        public ObjectType type() {
            return ObjectType.PROCESSOR;
        }
    }

    /** PowerResource (name, system level, resource order) {...}. */
    record PowerResource(int systemLevel, int resourceOrder) implements AmlObject {
        @Override
        public ObjectType type() {
            return ObjectType.POWER_RESOURCE;
        }
    }

    /** ThermalZone (name) {...}. */
    record ThermalZone() implements AmlObject {
        @Override
        public ObjectType type() {
            return ObjectType.THERMAL_ZONE;
        }
    }

    /** Mutex (name, sync level). */
    record Mutex(int syncLevel) implements AmlObject {
        @Override
        public ObjectType type() {
            return ObjectType.MUTEX;
        }
    }

    /** Event (name). */
    record Event() implements AmlObject {
        @Override
        public ObjectType type() {
            return ObjectType.EVENT;
        }
    }

    /** OperationRegion (name, space, offset, length), with the space id as written and the operand terms. */
    record OperationRegion(int spaceId, AmlTerm offset, AmlTerm length) implements AmlObject {
        public OperationRegion {
            Objects.requireNonNull(offset, "offset");
            Objects.requireNonNull(length, "length");
        }

        /** The address space, {@link AddressSpace#OTHER} for OEM or reserved ids. */
        public AddressSpace space() {
            return AddressSpace.of(spaceId);
        }

        @Override
        public ObjectType type() {
            return ObjectType.OPERATION_REGION;
        }
    }

    /** DataTableRegion (name, signature, OEM ID, OEM table ID): a region over an ACPI table. */
    record DataTableRegion(AmlTerm signature, AmlTerm oemId, AmlTerm oemTableId) implements AmlObject {
        public DataTableRegion {
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(oemId, "oemId");
            Objects.requireNonNull(oemTableId, "oemTableId");
        }

        @Override
        public ObjectType type() {
            return ObjectType.OPERATION_REGION;
        }
    }

    /**
     * One named unit of a Field, IndexField or BankField list: where its bits come from, its bit offset and
     * length within the region, the access in force (AccessAs and the field flags) and the Connection in force
     * (a name or a resource Buffer; null when none).
     */
    record FieldUnit(FieldSource source, long bitOffset, long bitLength, FieldAccess access, AmlTerm connection)
            implements AmlObject {
        public FieldUnit {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(access, "access");
        }

        @Override
        public ObjectType type() {
            return ObjectType.FIELD_UNIT;
        }
    }

    /** The list a field unit was declared in, with its operands. */
    sealed interface FieldSource {}

    /** Field (region, flags) {...}. */
    record RegionField(AmlName region) implements FieldSource {}

    /** IndexField (index, data, flags) {...}. */
    record IndexField(AmlName index, AmlName data) implements FieldSource {}

    /** BankField (region, bank, bank value, flags) {...}. */
    record BankField(AmlName region, AmlName bank, AmlTerm bankValue) implements FieldSource {}

    /**
     * The access attributes of a field unit (ACPI 6.5 section 20.2.5.2): access type (0 AnyAcc, 1 ByteAcc,
     * 2 WordAcc, 3 DWordAcc, 4 QWordAcc, 5 BufferAcc), lock rule, update rule (0 Preserve, 1 WriteAsOnes,
     * 2 WriteAsZeros), and the AccessAs attribute byte and access length (0 when not given).
     */
    record FieldAccess(int accessType, boolean lock, int updateRule, int accessAttribute, int accessLength) {}

    /** How CreateXxxField sized a buffer field: fixed widths, or CreateField with a bit count. */
    enum BufferFieldKind {
        BIT(1),
        BYTE(8),
        WORD(16),
        DWORD(32),
        QWORD(64),
        FIELD(0);

        private final int bits;

        BufferFieldKind(int bits) {
            this.bits = bits;
        }

        /** The width in bits, 0 for CreateField (its width is a term). */
        public int bits() {
            return bits;
        }
    }

    /**
     * CreateBitField/ByteField/WordField/DWordField/QWordField (source, index, name) or CreateField (source,
     * bit index, bit count, name); {@code bitCount} is null except for CreateField. The index is a bit index for
     * CreateBitField and CreateField, a byte index otherwise.
     */
    record BufferField(BufferFieldKind kind, AmlTerm source, AmlTerm index, AmlTerm bitCount) implements AmlObject {
        public BufferField {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(index, "index");
        }

        @Override
        public ObjectType type() {
            return ObjectType.BUFFER_FIELD;
        }
    }
}
