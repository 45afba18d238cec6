package io.github.xenacpi.platform.builder.aml;

import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlTerm;

/**
 * Writes the FieldList of a Field, IndexField or BankField: named units of a bit length, reserved gaps,
 * {@code Offset (n)} (a gap up to a byte offset, as iasl compiles it), AccessAs and Connection.
 */
public final class FieldListBuilder {
    private final AmlWriter out = new AmlWriter();
    private long bit;

    FieldListBuilder() {}

    /** A named field unit of {@code bits} bits at the current bit position. */
    public FieldListBuilder unit(String name, long bits) {
        out.nameString(AmlName.of(name)).fieldLength(bits);
        bit += bits;
        return this;
    }

    /** An unnamed gap of {@code bits} bits ({@code , bits} in ASL). */
    public FieldListBuilder reserved(long bits) {
        out.u8(0x00).fieldLength(bits);
        bit += bits;
        return this;
    }

    /** {@code Offset (byteOffset)}: a gap up to that byte; nothing is written when already there. */
    public FieldListBuilder offset(long byteOffset) {
        long gap = byteOffset * 8 - bit;
        if (gap < 0) {
            throw new IllegalArgumentException("Offset (" + byteOffset + ") is behind bit " + bit);
        }
        return gap == 0 ? this : reserved(gap);
    }

    /** {@code AccessAs (type, attribute)}. */
    public FieldListBuilder accessAs(FieldAccessType type, int attribute) {
        out.u8(0x01).u8(type.encoding()).u8(attribute);
        return this;
    }

    /** {@code Connection (name)}. */
    public FieldListBuilder connection(String name) {
        out.u8(0x02).nameString(name);
        return this;
    }

    /** {@code Connection (ResourceTemplate () {...})}: a resource descriptor buffer given as bytes. */
    public FieldListBuilder connection(byte[] resource) {
        out.u8(0x02).term(AmlTerm.buffer(resource));
        return this;
    }

    byte[] toBytes() {
        return out.toBytes();
    }
}
