package io.github.xenacpi.aml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Parses a method body (a TermList, ACPI 6.5 section 20.2.5) into {@link Stmt}s when the method first runs. Names in
 * term positions become calls when the namespace (or an External) says they denote a method, with that method's
 * argument count. Reads are bounded by the body; a fault ends the statement list with a {@link Stmt.Fault}, and
 * nesting is bounded, so recursion depth is bounded.
 */
final class BodyParser {
    static final int MAX_DEPTH = 128;

    private final byte[] b;
    private final Namespace ns;
    private final boolean integers64;
    private int pos;
    private int end;
    private int depth;
    private boolean moduleLevel;

    /** A parse error: it stops the current statement list. */
    private static final class ParseFault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;

        ParseFault(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    BodyParser(byte[] table, Namespace ns, boolean integers64) {
        this.b = table;
        this.ns = ns;
        this.integers64 = integers64;
    }

    /** The statements of the body at [offset, offset + length) of the table, in {@code scope} (the method node). */
    List<Stmt> parse(NamespaceNode scope, int offset, int length) {
        pos = offset;
        end = Math.min(b.length, offset + length);
        depth = 0;
        moduleLevel = false;
        return termList(scope);
    }

    /**
     * The module-level code of a whole definition block at [offset, offset + length): the statements outside
     * methods (If, While, Store, calls, ...), each in the scope it appears in. Named objects are left out (the
     * loader created them) and method bodies are skipped.
     */
    List<Stmt> parseModuleLevel(NamespaceNode root, int offset, int length) {
        pos = offset;
        end = Math.min(b.length, offset + length);
        depth = 0;
        moduleLevel = true;
        return termList(root);
    }

    private List<Stmt> termList(NamespaceNode scope) {
        List<Stmt> out = new ArrayList<>();
        while (pos < end) {
            int at = pos;
            try {
                Stmt s = statement(scope, out);
                if (s != null) {
                    out.add(s);
                }
            } catch (ParseFault f) {
                // At module level the loader has reported the fault already.
                if (!moduleLevel) {
                    out.add(new Stmt.Fault(f.offset, f.getMessage()));
                }
                pos = end;
            } catch (IllegalArgumentException e) {
                if (!moduleLevel) {
                    out.add(new Stmt.Fault(at, e.getMessage()));
                }
                pos = end;
            }
        }
        return out;
    }

    private Stmt statement(NamespaceNode scope, List<Stmt> previous) {
        if (!moduleLevel) {
            return methodStatement(scope, previous);
        }
        int at = pos;
        int op = u8();
        if (op == 0x10 || op == 0x14 || (op == AmlOpcode.EXT_PREFIX && peek() >= 0x82 && peek() <= 0x85)) {
            int ext = op == AmlOpcode.EXT_PREFIX ? u8() : 0;
            int pe = pkgEnd();
            if (op == 0x14) {
                pos = pe;
                return null;
            }
            return nested(pe, () -> {
                AmlName name = nameString();
                pos += ext == 0x83 ? 6 : ext == 0x84 ? 3 : 0;
                NamespaceNode found = ns.resolveOrNull(scope, name);
                NamespaceNode target = found == null ? null : ns.followAlias(found).orElse(null);
                if (target == null || pos > end) {
                    return null;
                }
                List<Stmt> body = termList(target);
                return body.isEmpty() ? null : new Stmt.Scope(at, target, body);
            });
        }
        if (op == 0x15) {
            nameString();
            u8();
            u8();
            return null;
        }
        pos = at;
        Stmt s = methodStatement(scope, previous);
        return s instanceof Stmt.Declare || s instanceof Stmt.Block || s instanceof Stmt.Unsupported ? null : s;
    }

    private Stmt methodStatement(NamespaceNode scope, List<Stmt> previous) {
        int at = pos;
        int op = u8();
        switch (op) {
            case 0x08: {
                AmlName name = nameString();
                AmlTerm value = isNameStart(peek()) ? new AmlTerm.NameRef(nameString()) : termArg(scope);
                return new Stmt.Declare(at, name, new AmlObject.Name(value));
            }
            case 0x06: {
                AmlName source = nameString();
                return new Stmt.Declare(at, nameString(), new AmlObject.Alias(source));
            }
            case 0xA0:
            case 0xA2: {
                int pe = pkgEnd();
                return nested(pe, () -> {
                    AmlTerm predicate = termArg(scope);
                    List<Stmt> body = termList(scope);
                    return op == 0xA0 ? new Stmt.If(at, predicate, body, List.of()) : new Stmt.While(at, predicate,
                            body);
                });
            }
            case 0xA1: {
                int pe = pkgEnd();
                Stmt.If last = previous.isEmpty() || !(previous.get(previous.size() - 1) instanceof Stmt.If i)
                        ? null : i;
                Stmt otherwise = nested(pe, () -> new Stmt.If(at, null, termList(scope), List.of()));
                if (last == null || !last.otherwise().isEmpty()) {
                    throw new ParseFault(at, "Else without a preceding If");
                }
                previous.set(previous.size() - 1, new Stmt.If(last.offset(), last.predicate(), last.then(),
                        ((Stmt.If) otherwise).then()));
                return null;
            }
            case 0x10:
            case 0x14: {
                int pe = pkgEnd();
                pos = pe;
                return new Stmt.Unsupported(at, op == 0x10 ? "Scope inside a method" : "Method inside a method");
            }
            case 0x8A:
            case 0x8B:
            case 0x8C:
            case 0x8D:
            case 0x8F:
                return createField(scope, op, at);
            case AmlOpcode.EXT_PREFIX:
                return extended(scope, at);
            default:
                pos = at;
                return new Stmt.Eval(at, termArg(scope));
        }
    }

    private Stmt extended(NamespaceNode scope, int at) {
        int ext = u8();
        switch (ext) {
            case 0x01:
                nameString();
                u8();
                return new Stmt.Unsupported(at, "Mutex declared inside a method (no effect)");
            case 0x02:
                nameString();
                return new Stmt.Unsupported(at, "Event declared inside a method (no effect)");
            case 0x13:
                return createField(scope, 0x5B13, at);
            case 0x80: {
                AmlName name = nameString();
                int space = u8();
                AmlTerm offset = termArg(scope);
                AmlTerm length = termArg(scope);
                return new Stmt.Declare(at, name, new AmlObject.OperationRegion(space, offset, length));
            }
            case 0x81:
            case 0x86:
            case 0x87:
                return fields(scope, ext, at);
            case 0x82:
            case 0x83:
            case 0x84:
            case 0x85:
            case 0x88: {
                if (ext == 0x88) {
                    nameString();
                    termArg(scope);
                    termArg(scope);
                    termArg(scope);
                } else {
                    pos = pkgEnd();
                }
                return new Stmt.Unsupported(at, String.format("named object 0x5B 0x%02X declared inside a method",
                        ext));
            }
            default:
                pos = at;
                return new Stmt.Eval(at, termArg(scope));
        }
    }

    private Stmt createField(NamespaceNode scope, int op, int at) {
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
        return new Stmt.Declare(at, nameString(), new AmlObject.BufferField(kind, source, index, bits));
    }

    /** A Field, IndexField or BankField inside a method: a block of one Declare per unit. */
    private Stmt fields(NamespaceNode scope, int ext, int at) {
        int pe = pkgEnd();
        List<Stmt> units = new ArrayList<>();
        nested(pe, () -> {
            AmlObject.FieldSource src;
            if (ext == 0x81) {
                src = new AmlObject.RegionField(nameString());
            } else if (ext == 0x86) {
                AmlName index = nameString();
                src = new AmlObject.IndexField(index, nameString());
            } else {
                AmlName region = nameString();
                AmlName bank = nameString();
                src = new AmlObject.BankField(region, bank, termArg(scope));
            }
            int flags = u8();
            long bit = 0;
            int accessType = flags & 0x0F;
            int attribute = 0;
            int accessLength = 0;
            AmlTerm connection = null;
            while (pos < end) {
                int unitAt = pos;
                int c = u8();
                if (c == 0x00) {
                    bit += pkgLengthValue();
                } else if (c == 0x01 || c == 0x03) {
                    accessType = u8() & 0x0F;
                    attribute = u8();
                    accessLength = c == 0x03 ? u8() : 0;
                } else if (c == 0x02) {
                    if (peek() == 0x11) {
                        pos++;
                        connection = buffer(scope);
                    } else {
                        connection = new AmlTerm.NameRef(nameString());
                    }
                } else {
                    pos = unitAt;
                    String seg = nameSeg();
                    long bits = pkgLengthValue();
                    units.add(new Stmt.Declare(unitAt, new AmlName(false, 0, List.of(seg)), new AmlObject.FieldUnit(
                            src, bit, bits, new AmlObject.FieldAccess(accessType, (flags & 0x10) != 0,
                            (flags >>> 5) & 3, attribute, accessLength), connection)));
                    bit += bits;
                }
            }
            return null;
        });
        return units.isEmpty() ? null : new Stmt.Block(at, units);
    }

    // ---- terms --------------------------------------------------------------------------------------------

    private AmlTerm termArg(NamespaceNode scope) {
        if (++depth > MAX_DEPTH) {
            throw new ParseFault(pos, "terms nested deeper than " + MAX_DEPTH + " levels");
        }
        try {
            int start = pos;
            int op = u8();
            switch (op) {
                case 0x00:
                    return new AmlTerm.IntegerConst(0);
                case 0x01:
                    return new AmlTerm.IntegerConst(1);
                case 0xFF:
                    return new AmlTerm.IntegerConst(integers64 ? -1L : 0xFFFF_FFFFL);
                case 0x0A:
                    return new AmlTerm.IntegerConst(u8());
                case 0x0B:
                    return new AmlTerm.IntegerConst(le(2));
                case 0x0C:
                    return new AmlTerm.IntegerConst(le(4));
                case 0x0E:
                    return new AmlTerm.IntegerConst(le(8));
                case 0x0D:
                    return string();
                case 0x11:
                    return buffer(scope);
                case 0x12:
                case 0x13:
                    return pack(scope, op == 0x13);
                default:
                    break;
            }
            if (op >= 0x60 && op <= 0x67) {
                return new AmlTerm.Local(op - 0x60);
            }
            if (op >= 0x68 && op <= 0x6E) {
                return new AmlTerm.Arg(op - 0x68);
            }
            int code = op;
            if (op == AmlOpcode.EXT_PREFIX) {
                code = 0x5B00 | u8();
            } else if (isNameStart(op)) {
                pos = start;
                return nameOrCall(scope, nameString());
            }
            AmlOpcode opcode = AmlOpcode.of(code);
            if (opcode == null) {
                throw new ParseFault(start, code > 0xFF
                        ? String.format("unknown or misplaced extended opcode 0x5B 0x%02X", code & 0xFF)
                        : String.format("unknown or misplaced opcode 0x%02X", code));
            }
            String kinds = opcode.operands();
            List<AmlTerm> operands = new ArrayList<>(kinds.length());
            for (int i = 0; i < kinds.length(); i++) {
                operands.add(switch (kinds.charAt(i)) {
                    case 'T' -> termArg(scope);
                    case 'S' -> superName(scope);
                    case 'R' -> target(scope);
                    case 'N' -> new AmlTerm.NameRef(nameString());
                    case 'B' -> new AmlTerm.IntegerConst(u8());
                    case 'W' -> new AmlTerm.IntegerConst(le(2));
                    default -> new AmlTerm.IntegerConst(le(4));
                });
            }
            return new AmlTerm.Operation(opcode, operands);
        } finally {
            depth--;
        }
    }

    private AmlTerm superName(NamespaceNode scope) {
        if (isNameStart(peek())) {
            return new AmlTerm.NameRef(nameString());
        }
        return termArg(scope);
    }

    private AmlTerm target(NamespaceNode scope) {
        if (peek() == 0x00) {
            pos++;
            return new AmlTerm.NoTarget();
        }
        return superName(scope);
    }

    private AmlTerm nameOrCall(NamespaceNode scope, AmlName name) {
        int argCount = argCount(scope, name);
        if (argCount < 0) {
            return new AmlTerm.NameRef(name);
        }
        List<AmlTerm> args = new ArrayList<>(argCount);
        for (int i = 0; i < argCount; i++) {
            args.add(termArg(scope));
        }
        return new AmlTerm.MethodCall(name, args);
    }

    /** The argument count of the method a name denotes from the scope, -1 when it is no method. */
    private int argCount(NamespaceNode scope, AmlName name) {
        NamespaceNode found = ns.resolveOrNull(scope, name);
        if (found != null) {
            NamespaceNode target = ns.followAlias(found).orElse(null);
            return target != null && target.object() instanceof AmlObject.Method m ? m.argCount() : -1;
        }
        for (String path : ns.candidatePaths(scope, name)) {
            ExternalDeclaration e = ns.external(path);
            if (e != null) {
                return e.type() == ObjectType.METHOD ? e.argCount() : -1;
            }
        }
        return -1;
    }

    private AmlTerm string() {
        int start = pos;
        int nul = start;
        while (nul < end && b[nul] != 0) {
            nul++;
        }
        if (nul >= end) {
            throw new ParseFault(start, "String has no terminating NUL before the end of the method body");
        }
        pos = nul + 1;
        return new AmlTerm.StringConst(new String(b, start, nul - start, StandardCharsets.ISO_8859_1));
    }

    private AmlTerm buffer(NamespaceNode scope) {
        int pe = pkgEnd();
        int saved = end;
        end = pe;
        try {
            AmlTerm size = termArg(scope);
            byte[] init = Arrays.copyOfRange(b, pos, pe);
            pos = pe;
            return new AmlTerm.BufferData(size, init);
        } finally {
            end = saved;
        }
    }

    private AmlTerm pack(NamespaceNode scope, boolean variable) {
        int pe = pkgEnd();
        return nested(pe, () -> {
            AmlTerm count = variable ? termArg(scope) : new AmlTerm.IntegerConst(u8());
            List<AmlTerm> elements = new ArrayList<>();
            while (pos < end) {
                elements.add(isNameStart(peek()) ? new AmlTerm.NameRef(nameString()) : termArg(scope));
            }
            return new AmlTerm.PackageData(count, elements, variable);
        });
    }

    private <T> T nested(int pe, Supplier<T> body) {
        if (++depth > MAX_DEPTH) {
            throw new ParseFault(pos, "blocks nested deeper than " + MAX_DEPTH + " levels");
        }
        int saved = end;
        end = pe;
        try {
            T t = body.get();
            pos = pe;
            return t;
        } finally {
            end = saved;
            depth--;
        }
    }

    // ---- names and raw reads ------------------------------------------------------------------------------

    private AmlName nameString() {
        boolean root = false;
        int parents = 0;
        int c = u8();
        if (c == '\\') {
            root = true;
            c = u8();
        } else {
            while (c == '^') {
                parents++;
                c = u8();
            }
        }
        List<String> segs;
        if (c == 0x00) {
            segs = List.of();
        } else if (c == 0x2E) {
            segs = List.of(nameSeg(), nameSeg());
        } else if (c == 0x2F) {
            int count = u8();
            if (count == 0) {
                throw new ParseFault(pos - 1, "MultiNamePrefix with a segment count of 0");
            }
            String[] s = new String[count];
            for (int i = 0; i < count; i++) {
                s[i] = nameSeg();
            }
            segs = List.of(s);
        } else {
            pos--;
            segs = List.of(nameSeg());
        }
        return new AmlName(root, parents, segs);
    }

    private String nameSeg() {
        int at = pos;
        if (end - pos < 4) {
            throw new ParseFault(at, "NameSeg needs 4 bytes past the end of the enclosing package");
        }
        boolean ok = isLeadChar(b[at] & 0xFF);
        for (int i = 1; i < 4; i++) {
            ok &= isNameChar(b[at + i] & 0xFF);
        }
        if (!ok) {
            throw new ParseFault(at, String.format("invalid NameSeg bytes %02X %02X %02X %02X", b[at], b[at + 1],
                    b[at + 2], b[at + 3]));
        }
        pos += 4;
        return new String(b, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static boolean isLeadChar(int c) {
        return c == '_' || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(int c) {
        return isLeadChar(c) || (c >= '0' && c <= '9');
    }

    private static boolean isNameStart(int c) {
        return c == '\\' || c == '^' || c == 0x2E || c == 0x2F || isLeadChar(c);
    }

    private int pkgEnd() {
        int start = pos;
        long pe = start + pkgLengthValue();
        if (pe < pos) {
            throw new ParseFault(start, "PkgLength shorter than its own encoding");
        }
        return (int) Math.min(pe, end);
    }

    private long pkgLengthValue() {
        int lead = u8();
        int follow = lead >>> 6;
        if (follow == 0) {
            return lead & 0x3F;
        }
        long v = lead & 0x0F;
        for (int i = 0; i < follow; i++) {
            v |= (long) u8() << (4 + 8 * i);
        }
        return v;
    }

    private int peek() {
        if (pos >= end) {
            throw new ParseFault(pos, "the method body ends inside a term");
        }
        return b[pos] & 0xFF;
    }

    private int u8() {
        int v = peek();
        pos++;
        return v;
    }

    private long le(int n) {
        if (end - pos < n) {
            throw new ParseFault(pos, n + " more bytes needed but the enclosing package ends first");
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (b[pos + i] & 0xFFL) << (8 * i);
        }
        pos += n;
        return v;
    }
}
