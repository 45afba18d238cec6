package io.github.xenacpi.aml.parse;

import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlOpcode;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.ExternalDeclaration;
import io.github.xenacpi.aml.Namespace;
import io.github.xenacpi.aml.NamespaceNode;
import io.github.xenacpi.aml.ObjectType;
import java.util.Arrays;
import java.util.List;

/**
 * The AML term grammar shared by the loader ({@link AmlParser}) and the method-body parser ({@link BodyParser}):
 * TermArgs, SuperNames, Targets, method calls, Buffer and Package data, CreateXxxField operands and FieldLists
 * (ACPI 6.5 sections 20.2.5 and 20.2.6). The two differ in how they bound nesting, treat a PkgLength that overruns
 * its package, recover from a fault inside a package and count a name's arguments when the namespace does not know
 * it; those are the abstract steps.
 */
abstract class TermParser {
    final AmlReader in;
    final Namespace ns;
    int depth;

    TermParser(AmlReader in, Namespace ns) {
        this.in = in;
        this.ns = ns;
    }

    /** Enters one more level of nesting (counted in {@link #depth}), or faults when that is too deep. */
    abstract void enterTerm();

    /** Reads a PkgLength and returns the end offset of its package, clamped to the enclosing one. */
    abstract int pkgEnd();

    /** Runs {@code body} with reads bounded by {@code pe}, the end of the {@code what} package. */
    abstract void within(int pe, String what, Runnable body);

    /** The argument count of a name that neither the namespace nor an External knows; -1 for no method. */
    abstract int unknownArgCount(List<String> candidates);

    /**
     * Whether {@link #unknownArgCount} looks at the paths of a name no External declares (the loader remembers
     * them); when not, they are not built.
     */
    abstract boolean wantsUnresolved();

    /** Receives the field units of a FieldList, one at a time. */
    interface FieldUnits {
        void unit(int offset, AmlName name, AmlObject.FieldUnit unit);
    }

    final AmlTerm termArg(NamespaceNode scope) {
        enterTerm();
        try {
            int start = in.pos();
            int op = in.u8();
            AmlTerm constant = in.integerConst(op);
            if (constant != null) {
                return constant;
            }
            switch (op) {
                case 0x0D -> {
                    return in.string();
                }
                case 0x11 -> {
                    return buffer(scope);
                }
                case 0x12, 0x13 -> {
                    return pack(scope, op == 0x13);
                }
                default -> {
                    // Not a data object: a local, an argument, an operator or a name, below.
                }
            }
            if (op >= 0x60 && op <= 0x67) {
                return new AmlTerm.Local(op - 0x60);
            }
            if (op >= 0x68 && op <= 0x6E) {
                return new AmlTerm.Arg(op - 0x68);
            }
            int code = op;
            if (op == AmlOpcode.EXT_PREFIX) {
                code = 0x5B00 | in.u8();
            } else if (AmlReader.isNameStart(op)) {
                in.seek(start);
                return nameOrCall(scope, in.nameString());
            }
            AmlOpcode opcode = AmlOpcode.of(code);
            if (opcode == null) {
                throw new AmlReader.Fault(
                        start,
                        code > 0xFF
                                ? String.format("unknown or misplaced extended opcode 0x5B 0x%02X", code & 0xFF)
                                : String.format("unknown or misplaced opcode 0x%02X", code));
            }
            return operation(scope, opcode);
        } finally {
            depth--;
        }
    }

    private AmlTerm operation(NamespaceNode scope, AmlOpcode opcode) {
        String kinds = opcode.operands();
        AmlTerm[] operands = new AmlTerm[kinds.length()];
        for (int i = 0; i < operands.length; i++) {
            operands[i] = switch (kinds.charAt(i)) {
                case 'T' -> termArg(scope);
                case 'S' -> superName(scope);
                case 'R' -> target(scope);
                case 'N' -> new AmlTerm.NameRef(in.nameString());
                case 'B' -> new AmlTerm.IntegerConst(in.u8());
                case 'W' -> new AmlTerm.IntegerConst(in.u16());
                default -> new AmlTerm.IntegerConst(in.u32());
            };
        }
        return new AmlTerm.Operation(opcode, List.of(operands));
    }

    /** A SuperName, or a Name's value or a package element: a bare name is a reference, never a call. */
    final AmlTerm superName(NamespaceNode scope) {
        if (AmlReader.isNameStart(in.peek())) {
            return new AmlTerm.NameRef(in.nameString());
        }
        return termArg(scope);
    }

    private AmlTerm target(NamespaceNode scope) {
        if (in.peek() == 0x00) {
            in.skip(1);
            return new AmlTerm.NoTarget();
        }
        return superName(scope);
    }

    /**
     * A name in a TermArg position: a method call when it denotes a method (its argument count decides how many
     * terms follow), else a reference.
     */
    private AmlTerm nameOrCall(NamespaceNode scope, AmlName name) {
        int argCount = argCount(scope, name);
        if (argCount < 0) {
            return new AmlTerm.NameRef(name);
        }
        AmlTerm[] args = new AmlTerm[argCount];
        for (int i = 0; i < argCount; i++) {
            args[i] = termArg(scope);
        }
        return new AmlTerm.MethodCall(name, List.of(args));
    }

    /** The argument count of the method a name denotes from the scope, -1 when it is no method. */
    private int argCount(NamespaceNode scope, AmlName name) {
        NamespaceNode found = ns.resolveOrNull(scope, name);
        if (found != null) {
            NamespaceNode target = ns.followAlias(found).orElse(null);
            return target != null && target.object() instanceof AmlObject.Method m ? m.argCount() : -1;
        }
        if (!ns.mayBeExternal(name) && !wantsUnresolved()) {
            return -1;
        }
        List<String> candidates = ns.candidatePaths(scope, name);
        for (String path : candidates) {
            ExternalDeclaration e = ns.external(path);
            if (e != null) {
                return e.type() == ObjectType.METHOD ? e.argCount() : -1;
            }
        }
        return unknownArgCount(candidates);
    }

    /** A Buffer after its opcode: the size term and the bytes present; the declared size is never allocated. */
    final AmlTerm.BufferData buffer(NamespaceNode scope) {
        int pe = pkgEnd();
        int saved = in.narrow(pe);
        try {
            AmlTerm size = termArg(scope);
            return new AmlTerm.BufferData(size, in.bytesTo(pe));
        } finally {
            in.restore(saved);
        }
    }

    private AmlTerm pack(NamespaceNode scope, boolean variable) {
        int pe = pkgEnd();
        PackageElements elements = new PackageElements();
        within(pe, variable ? "VarPackage" : "Package", () -> {
            if (variable) {
                elements.count = termArg(scope);
            } else {
                int declared = in.u8();
                elements.count = new AmlTerm.IntegerConst(declared);
                // Room for the elements declared, each at least a byte.
                elements.terms = new AmlTerm[Math.min(declared, Math.max(0, in.end() - in.pos()))];
            }
            while (in.hasMore()) {
                elements.add(superName(scope));
            }
        });
        return new AmlTerm.PackageData(elements.count, elements.list(), variable);
    }

    /**
     * The count and elements of a package as they are parsed (those before a fault are kept), in an array sized by
     * the count declared: a package holding as many elements as it declares becomes its list in one copy.
     */
    private static final class PackageElements {
        AmlTerm count = new AmlTerm.IntegerConst(0);
        AmlTerm[] terms = new AmlTerm[0];
        int size;

        void add(AmlTerm term) {
            if (size == terms.length) {
                terms = Arrays.copyOf(terms, Math.max(4, 2 * size));
            }
            terms[size++] = term;
        }

        List<AmlTerm> list() {
            return List.of(size == terms.length ? terms : Arrays.copyOf(terms, size));
        }
    }

    /** The operands of CreateXxxField after its opcode ({@code op}; 0x5B13 for CreateField), up to its name. */
    final AmlObject.BufferField bufferField(NamespaceNode scope, int op) {
        AmlTerm source = termArg(scope);
        AmlTerm index = termArg(scope);
        AmlTerm bits = op == 0x5B13 ? termArg(scope) : null;
        AmlObject.BufferFieldKind kind = switch (op) {
            case 0x8D -> AmlObject.BufferFieldKind.BIT;
            case 0x8C -> AmlObject.BufferFieldKind.BYTE;
            case 0x8B -> AmlObject.BufferFieldKind.WORD;
            case 0x8A -> AmlObject.BufferFieldKind.DWORD;
            case 0x8F -> AmlObject.BufferFieldKind.QWORD;
            default -> AmlObject.BufferFieldKind.FIELD;
        };
        return new AmlObject.BufferField(kind, source, index, bits);
    }

    /** What the units of a Field (0x81), IndexField (0x86) or BankField (0x87) are read through. */
    final AmlObject.FieldSource fieldSource(NamespaceNode scope, int ext) {
        if (ext == 0x81) {
            return new AmlObject.RegionField(in.nameString());
        }
        if (ext == 0x86) {
            AmlName index = in.nameString();
            return new AmlObject.IndexField(index, in.nameString());
        }
        AmlName region = in.nameString();
        AmlName bank = in.nameString();
        return new AmlObject.BankField(region, bank, termArg(scope));
    }

    /** The FieldList of a Field, IndexField or BankField (ACPI 6.5 section 20.2.5.2), up to the package end. */
    final void fieldList(NamespaceNode scope, AmlObject.FieldSource src, int flags, FieldUnits out) {
        long bit = 0;
        int accessType = flags & 0x0F;
        boolean lock = (flags & 0x10) != 0;
        int update = (flags >>> 5) & 0x03;
        int attribute = 0;
        int accessLength = 0;
        AmlTerm connection = null;
        AmlObject.FieldAccess access = null;
        while (in.hasMore()) {
            int at = in.pos();
            int c = in.u8();
            switch (c) {
                case 0x00 -> bit += in.pkgLengthValue();
                case 0x01, 0x03 -> {
                    accessType = in.u8() & 0x0F;
                    attribute = in.u8();
                    accessLength = c == 0x03 ? in.u8() : 0;
                }
                case 0x02 -> {
                    if (in.peek() == 0x11) {
                        in.skip(1);
                        connection = buffer(scope);
                    } else {
                        connection = new AmlTerm.NameRef(in.nameString());
                    }
                }
                default -> {
                    in.seek(at);
                    String seg = in.nameSeg();
                    long bits = in.pkgLengthValue();
                    if (access == null
                            || access.accessType() != accessType
                            || access.accessAttribute() != attribute
                            || access.accessLength() != accessLength) {
                        // One record for the run of units that share it: a large DSDT has many thousands.
                        access = new AmlObject.FieldAccess(accessType, lock, update, attribute, accessLength);
                    }
                    out.unit(
                            at,
                            new AmlName(false, 0, List.of(seg)),
                            new AmlObject.FieldUnit(src, bit, bits, access, connection));
                    bit += bits;
                }
            }
        }
    }
}
