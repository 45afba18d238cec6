package io.github.xenacpi.platform.builder.aml;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.aml.AmlOpcode;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.ObjectType;
import java.util.function.Consumer;

/**
 * Writes an AML TermList from code, in the order the calls are made: scopes and named objects (Device, Name,
 * Method, OperationRegion, Field, ...), whose bodies are given as nested builders, and statements for method
 * bodies and module-level code (Return, Store, If/Else, While, any operator term). The bytes match what iasl
 * writes for the same ASL.
 */
public final class TermListBuilder {
    private final AmlWriter out = new AmlWriter();

    TermListBuilder() {}

    /** {@code Scope (path) {...}}. */
    public TermListBuilder scope(String path, Consumer<TermListBuilder> body) {
        return withBody(0x10, named(path), body);
    }

    /** {@code Device (name) {...}}. */
    public TermListBuilder device(String name, Consumer<TermListBuilder> body) {
        return withBody(0x5B82, named(name), body);
    }

    /** {@code Processor (name, id, block address, block length) {...}}. */
    public TermListBuilder processor(
            String name, int id, long blockAddress, int blockLength, Consumer<TermListBuilder> body) {
        return withBody(0x5B83, named(name).u8(id).le(blockAddress, 4).u8(blockLength), body);
    }

    /** {@code PowerResource (name, system level, resource order) {...}}. */
    public TermListBuilder powerResource(
            String name, int systemLevel, int resourceOrder, Consumer<TermListBuilder> body) {
        return withBody(0x5B84, named(name).u8(systemLevel).le(resourceOrder, 2), body);
    }

    /** {@code ThermalZone (name) {...}}. */
    public TermListBuilder thermalZone(String name, Consumer<TermListBuilder> body) {
        return withBody(0x5B85, named(name), body);
    }

    /** {@code Method (name, argCount, NotSerialized/Serialized) {...}}. */
    public TermListBuilder method(String name, int argCount, boolean serialized, Consumer<TermListBuilder> body) {
        return method(name, argCount, serialized, 0, body);
    }

    /** {@code Method (name, argCount, NotSerialized/Serialized, syncLevel) {...}}. */
    public TermListBuilder method(
            String name, int argCount, boolean serialized, int syncLevel, Consumer<TermListBuilder> body) {
        if (argCount < 0 || argCount > 7 || syncLevel < 0 || syncLevel > 15) {
            throw new IllegalArgumentException("argCount 0-7 and syncLevel 0-15");
        }
        int flags = argCount | (serialized ? 0x08 : 0) | syncLevel << 4;
        return withBody(0x14, named(name).u8(flags), body);
    }

    /** {@code Name (name, value)}. */
    public TermListBuilder name(String name, AmlTerm value) {
        out.u8(0x08).nameString(name).term(value);
        return this;
    }

    /** {@code Name (_HID, "id")}. */
    public TermListBuilder hid(String id) {
        return name("_HID", AmlTerm.string(id));
    }

    /** {@code Name (_HID, EISAID ("PNP0A08"))}. */
    public TermListBuilder hidEisa(String eisaId) {
        return name("_HID", AmlTerm.integer(AmlWriter.eisaId(eisaId)));
    }

    /** {@code Name (_UID, value)}. */
    public TermListBuilder uid(long value) {
        return name("_UID", AmlTerm.integer(value));
    }

    /** {@code Name (_CRS, ResourceTemplate () {...})} with the template's bytes (End Tag included) given. */
    public TermListBuilder crs(byte[] resourceTemplate) {
        return name("_CRS", AmlTerm.buffer(resourceTemplate));
    }

    /** {@code Alias (source, alias)}. */
    public TermListBuilder alias(String source, String alias) {
        out.u8(0x06).nameString(source).nameString(alias);
        return this;
    }

    /** {@code External (path, type, argCount)} as iasl emits it into AML. */
    public TermListBuilder external(String path, ObjectType type, int argCount) {
        out.u8(0x15).nameString(path).u8(type.code()).u8(argCount);
        return this;
    }

    /** {@code Mutex (name, syncLevel)}. */
    public TermListBuilder mutex(String name, int syncLevel) {
        out.opcode(0x5B01).nameString(name).u8(syncLevel);
        return this;
    }

    /** {@code Event (name)}. */
    public TermListBuilder event(String name) {
        out.opcode(0x5B02).nameString(name);
        return this;
    }

    /** {@code OperationRegion (name, space, offset, length)}; operands are literals, names or any term. */
    public TermListBuilder operationRegion(String name, AddressSpace space, AmlTerm offset, AmlTerm length) {
        return operationRegion(name, space.id(), offset, length);
    }

    /** {@code OperationRegion} with a raw space id (OEM-defined spaces 0x80-0xFF). */
    public TermListBuilder operationRegion(String name, int spaceId, AmlTerm offset, AmlTerm length) {
        out.opcode(0x5B80).nameString(name).u8(spaceId).term(offset).term(length);
        return this;
    }

    /** {@code DataTableRegion (name, signature, oemId, oemTableId)}. */
    public TermListBuilder dataTableRegion(String name, AmlTerm signature, AmlTerm oemId, AmlTerm oemTableId) {
        out.opcode(0x5B88).nameString(name).term(signature).term(oemId).term(oemTableId);
        return this;
    }

    /** {@code Field (region, access, lock, update) {...}}. */
    public TermListBuilder field(
            String region,
            FieldAccessType access,
            boolean lock,
            FieldUpdateRule update,
            Consumer<FieldListBuilder> units) {
        return fieldPackage(0x5B81, new AmlWriter().nameString(region), access, lock, update, units);
    }

    /** {@code IndexField (index, data, access, lock, update) {...}}. */
    public TermListBuilder indexField(
            String index,
            String data,
            FieldAccessType access,
            boolean lock,
            FieldUpdateRule update,
            Consumer<FieldListBuilder> units) {
        return fieldPackage(0x5B86, new AmlWriter().nameString(index).nameString(data), access, lock, update, units);
    }

    /** {@code BankField (region, bank, bankValue, access, lock, update) {...}}. */
    public TermListBuilder bankField(
            String region,
            String bank,
            AmlTerm bankValue,
            FieldAccessType access,
            boolean lock,
            FieldUpdateRule update,
            Consumer<FieldListBuilder> units) {
        return fieldPackage(
                0x5B87,
                new AmlWriter().nameString(region).nameString(bank).term(bankValue),
                access,
                lock,
                update,
                units);
    }

    /** {@code CreateBitField/ByteField/WordField/DWordField/QWordField (source, index, name)} by width in bits. */
    public TermListBuilder createField(int bits, AmlTerm source, AmlTerm index, String name) {
        int op = switch (bits) {
            case 1 -> 0x8D;
            case 8 -> 0x8C;
            case 16 -> 0x8B;
            case 32 -> 0x8A;
            case 64 -> 0x8F;
            default -> throw new IllegalArgumentException("fixed buffer fields are 1, 8, 16, 32 or 64 bits");
        };
        out.u8(op).term(source).term(index).nameString(name);
        return this;
    }

    /** {@code CreateField (source, bitIndex, bitCount, name)}. */
    public TermListBuilder createField(AmlTerm source, AmlTerm bitIndex, AmlTerm bitCount, String name) {
        out.opcode(0x5B13).term(source).term(bitIndex).term(bitCount).nameString(name);
        return this;
    }

    /** {@code Return (value)}. */
    public TermListBuilder returns(AmlTerm value) {
        return term(AmlTerm.op(AmlOpcode.RETURN, value));
    }

    /** {@code Store (value, target)}. */
    public TermListBuilder store(AmlTerm value, AmlTerm target) {
        return term(AmlTerm.op(AmlOpcode.STORE, value, target));
    }

    /** {@code If (predicate) {...}}. */
    public TermListBuilder ifThen(AmlTerm predicate, Consumer<TermListBuilder> body) {
        return withBody(0xA0, new AmlWriter().term(predicate), body);
    }

    /** {@code If (predicate) {...} Else {...}}. */
    public TermListBuilder ifElse(
            AmlTerm predicate, Consumer<TermListBuilder> then, Consumer<TermListBuilder> otherwise) {
        ifThen(predicate, then);
        return withBody(0xA1, new AmlWriter(), otherwise);
    }

    /** {@code While (predicate) {...}}. */
    public TermListBuilder whileDo(AmlTerm predicate, Consumer<TermListBuilder> body) {
        return withBody(0xA2, new AmlWriter().term(predicate), body);
    }

    /** Any term as a statement: an operator, a method call, ... */
    public TermListBuilder term(AmlTerm term) {
        out.term(term);
        return this;
    }

    /** Bytes written as they are (for tests that need AML no builder method makes). */
    public TermListBuilder raw(byte[] aml) {
        out.bytes(aml);
        return this;
    }

    byte[] toBytes() {
        return out.toBytes();
    }

    private static AmlWriter named(String name) {
        return new AmlWriter().nameString(name);
    }

    private TermListBuilder withBody(int opcode, AmlWriter head, Consumer<TermListBuilder> body) {
        TermListBuilder inner = new TermListBuilder();
        body.accept(inner);
        out.pkg(opcode, head.bytes(inner.toBytes()).toBytes());
        return this;
    }

    private TermListBuilder fieldPackage(
            int opcode,
            AmlWriter head,
            FieldAccessType access,
            boolean lock,
            FieldUpdateRule update,
            Consumer<FieldListBuilder> units) {
        FieldListBuilder list = new FieldListBuilder();
        units.accept(list);
        int flags = access.encoding() | (lock ? 0x10 : 0) | update.encoding() << 5;
        out.pkg(opcode, head.u8(flags).bytes(list.toBytes()).toBytes());
        return this;
    }
}
