package io.github.xenacpi.aml;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An unevaluated AML term: a constant, a data object, a name, a method call or an operator applied to operand
 * terms. The loader keeps the operands of named objects (a Name's value, an OperationRegion's offset and length)
 * as terms; the AML writer writes terms. Trees are at most the loader's depth limit deep.
 */
public sealed interface AmlTerm {

    /** The term's value when it is an integer constant. */
    default OptionalLong literal() {
        return this instanceof IntegerConst i ? OptionalLong.of(i.value()) : OptionalLong.empty();
    }

    /** An integer constant (Zero, One, Ones, ByteConst to QWordConst). */
    record IntegerConst(long value) implements AmlTerm {}

    /** A string constant (ASCII, without its terminating NUL). */
    record StringConst(String value) implements AmlTerm {
        public StringConst {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A Buffer: its size term and the initializer bytes present in the AML. The declared size may exceed the
     * initializer (the rest is zero) and is never used to allocate.
     */
    @SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below use the array's contents
    record BufferData(AmlTerm size, byte[] initializer) implements AmlTerm {
        public BufferData {
            Objects.requireNonNull(size, "size");
            initializer = initializer.clone();
        }

        /** A copy of the initializer bytes. */
        @Override
        public byte[] initializer() {
            return initializer.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BufferData b && b.size.equals(size) && Arrays.equals(b.initializer, initializer);
        }

        @Override
        public int hashCode() {
            return 31 * size.hashCode() + Arrays.hashCode(initializer);
        }

        @Override
        public String toString() {
            return "Buffer(" + size + ", " + initializer.length + " bytes)";
        }
    }

    /**
     * A Package (count is a byte constant) or VarPackage (count is any term), with the elements present in the
     * AML; a declared count larger than the elements leaves the rest uninitialized.
     */
    record PackageData(AmlTerm count, List<AmlTerm> elements, boolean variable) implements AmlTerm {
        public PackageData {
            Objects.requireNonNull(count, "count");
            elements = List.copyOf(elements);
        }
    }

    /** A name used as a value or target, with no arguments. */
    record NameRef(AmlName name) implements AmlTerm {
        public NameRef {
            Objects.requireNonNull(name, "name");
        }
    }

    /** An invocation of a method with its argument terms. */
    record MethodCall(AmlName name, List<AmlTerm> arguments) implements AmlTerm {
        public MethodCall {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
        }
    }

    /** Local0 to Local7. */
    record Local(int index) implements AmlTerm {
        public Local {
            if (index < 0 || index > 7) {
                throw new IllegalArgumentException("Local" + index);
            }
        }
    }

    /** Arg0 to Arg6. */
    record Arg(int index) implements AmlTerm {
        public Arg {
            if (index < 0 || index > 6) {
                throw new IllegalArgumentException("Arg" + index);
            }
        }
    }

    /** The NullName written where a target is optional: the result is not stored. */
    record NoTarget() implements AmlTerm {}

    /** An operator and its operand terms, in the order of {@link AmlOpcode#operands()}. */
    record Operation(AmlOpcode opcode, List<AmlTerm> operands) implements AmlTerm {
        public Operation {
            Objects.requireNonNull(opcode, "opcode");
            operands = List.copyOf(operands);
            if (operands.size() != opcode.operands().length()) {
                throw new IllegalArgumentException(opcode.mnemonic() + " takes "
                        + opcode.operands().length() + " operands, got " + operands.size());
            }
        }
    }

    /** An integer constant. */
    static AmlTerm integer(long value) {
        return new IntegerConst(value);
    }

    /** A string constant. */
    static AmlTerm string(String value) {
        return new StringConst(value);
    }

    /** A buffer whose size is the number of initializer bytes, as {@code Buffer () {...}} compiles. */
    static AmlTerm buffer(byte[] bytes) {
        return new BufferData(new IntegerConst(bytes.length), bytes);
    }

    /** A fixed package of the given elements. */
    static AmlTerm pack(AmlTerm... elements) {
        return new PackageData(new IntegerConst(elements.length), List.of(elements), false);
    }

    /** A reference to a name, written as in ASL ({@code \_SB.PCI0}, {@code ^FOO}, {@code BASE}). */
    static AmlTerm name(String path) {
        return new NameRef(AmlName.parse(path));
    }

    /** A call of the named method with arguments. */
    static AmlTerm call(String path, AmlTerm... args) {
        return new MethodCall(AmlName.parse(path), List.of(args));
    }

    /** An operator applied to operands. */
    static AmlTerm op(AmlOpcode opcode, AmlTerm... operands) {
        return new Operation(opcode, List.of(operands));
    }
}
