package io.github.xenacpi.aml;

import java.util.Arrays;
import java.util.Objects;

/**
 * A run-time AML object (ACPI 6.5 section 19.3.5): Integer, String, Buffer, Package, a reference to a namespace
 * object (RefOf, or a name that denotes a Device, Method, region, ...), a reference to an element of a Buffer or
 * Package (Index), or an uninitialized Local. Buffers and Packages are AML's mutable objects: Index and the
 * CreateXxxField fields write into them, so they expose their storage to the interpreter of this package only.
 */
public sealed interface AmlValue {

    /** The type as the ObjectType operator reports it. */
    ObjectType type();

    /** An Integer, already truncated to the definition block's integer width. */
    record Int(long value) implements AmlValue {
        @Override
        public ObjectType type() {
            return ObjectType.INTEGER;
        }
    }

    /** A String. */
    record Str(String value) implements AmlValue {
        public Str {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ObjectType type() {
            return ObjectType.STRING;
        }
    }

    /** A Buffer: a mutable byte array of fixed length. */
    final class Buffer implements AmlValue {
        final byte[] data;

        /** A buffer over {@code data} itself, not a copy: the interpreter's stores write through it. */
        public Buffer(byte[] data) {
            this.data = data;
        }

        /** The bytes themselves, not a copy: for the interpreter, which reads and writes them in place. */
        public byte[] data() {
            return data;
        }

        /** A buffer holding a copy of {@code bytes}. */
        public static Buffer of(byte[] bytes) {
            return new Buffer(bytes.clone());
        }

        /** A copy of the bytes. */
        public byte[] bytes() {
            return data.clone();
        }

        public int length() {
            return data.length;
        }

        @Override
        public ObjectType type() {
            return ObjectType.BUFFER;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Buffer b && Arrays.equals(b.data, data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Buffer" + Arrays.toString(data);
        }
    }

    /** A Package: a mutable array of elements (uninitialized elements are {@link Uninitialized}). */
    @SuppressWarnings("JavaLangClash") // AML's name, beside Int, Str and Buffer; java.lang.Package is not used here
    final class Package implements AmlValue {
        final AmlValue[] elements;

        /** A package over {@code elements} itself, not a copy: the interpreter's stores write through it. */
        public Package(AmlValue[] elements) {
            this.elements = elements;
        }

        /** The elements themselves, not a copy: for the interpreter, which reads and writes them in place. */
        public AmlValue[] elements() {
            return elements;
        }

        /** A package of the given elements. */
        public static Package of(AmlValue... elements) {
            return new Package(elements.clone());
        }

        public int size() {
            return elements.length;
        }

        public AmlValue get(int index) {
            return elements[index];
        }

        @Override
        public ObjectType type() {
            return ObjectType.PACKAGE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Package p && Arrays.equals(p.elements, elements);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(elements);
        }

        @Override
        public String toString() {
            return "Package" + Arrays.toString(elements);
        }
    }

    /** A reference to a namespace object: RefOf, a package element naming an object, or a non-data object. */
    record Reference(NamespaceNode node) implements AmlValue {
        public Reference {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public ObjectType type() {
            ObjectType t = node.type();
            return t == ObjectType.SCOPE || t == ObjectType.ALIAS ? ObjectType.ANY : t;
        }

        @Override
        public String toString() {
            return "Reference(" + node.path() + ")";
        }
    }

    /** Index (Buffer or Package, i): a reference to one byte or element. */
    record ElementRef(AmlValue container, int index) implements AmlValue {
        public ElementRef {
            Objects.requireNonNull(container, "container");
        }

        @Override
        public ObjectType type() {
            return container instanceof Buffer ? ObjectType.BUFFER_FIELD : ObjectType.ANY;
        }
    }

    /** The value of a Local, Arg or package element nothing has been stored in. */
    record Uninitialized() implements AmlValue {
        @Override
        public ObjectType type() {
            return ObjectType.ANY;
        }
    }

    /** The integer value. */
    static AmlValue integer(long value) {
        return new Int(value);
    }

    /** A string value. */
    static AmlValue string(String value) {
        return new Str(value);
    }
}
