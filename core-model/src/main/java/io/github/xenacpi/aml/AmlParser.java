package io.github.xenacpi.aml;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.RawTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the AML of one definition block into a namespace (ACPI 6.5 chapter 20). Named objects are created as
 * they are met; method bodies are skipped by their PkgLength (they are parsed only when run); module-level
 * If/Else/While bodies are parsed, never run, and what they declare is marked conditional. Every read is bounded
 * by the innermost enclosing package; a fault is reported and parsing resumes after that package. Nesting is
 * bounded by {@link AmlLoader#MAX_DEPTH}, so recursion depth is bounded.
 */
final class AmlParser {
    /** Size of the standard table header; the AML starts after it. */
    static final int HEADER_SIZE = 36;

    private static final AmlTerm ZERO = new AmlTerm.IntegerConst(0);
    private static final AmlTerm ONE = new AmlTerm.IntegerConst(1);

    private final RawTable table;
    private final byte[] b;
    private final LoadPass pass;
    private final Namespace ns;
    private final int maxDepth;
    private boolean integers64;
    private int pos;
    private int end;
    private int depth;

    /** A problem that stops parsing of the innermost enclosing package. */
    private static final class Fault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;

        Fault(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    AmlParser(RawTable table, LoadPass pass, int maxDepth) {
        this.table = table;
        this.b = table.bytes();
        this.pass = pass;
        this.ns = pass.namespace;
        this.maxDepth = maxDepth;
    }

    /** Loads the table's AML into the pass's namespace. */
    void load() {
        if (b.length < HEADER_SIZE) {
            report(Severity.ERROR, 0, "table has %d bytes, fewer than the %d-byte header; nothing loaded",
                    b.length, HEADER_SIZE);
            return;
        }
        long declared = u32At(4);
        int tableEnd = b.length;
        if (declared < HEADER_SIZE) {
            report(Severity.ERROR, 4, "length field %d is less than the %d-byte header; loading the %d bytes present",
                    declared, HEADER_SIZE, b.length);
        } else if (declared > b.length) {
            report(Severity.ERROR, 4, "table truncated: length field says %d bytes but %d are present; "
                    + "loading the bytes present", declared, b.length);
        } else {
            tableEnd = (int) declared;
        }
        // DefinitionBlock ComplianceRevision: 2 and above means 64-bit integers, below 2 32-bit.
        integers64 = (b[8] & 0xFF) >= 2;
        pos = HEADER_SIZE;
        end = tableEnd;
        inPackage(tableEnd, "the table", () -> termList(ns.root(), false));
    }

    // ---- term lists and named objects -------------------------------------------------------------------

    private void termList(NamespaceNode scope, boolean conditional) {
        while (pos < end) {
            term(scope, conditional);
        }
    }

    private void term(NamespaceNode scope, boolean cond) {
        int start = pos;
        int op = u8();
        switch (op) {
            case 0x10 -> scopeOp(scope, start, cond);
            case 0x08 -> {
                AmlName name = nameString();
                AmlTerm value = dataRefObject(scope);
                create(scope, name, new AmlObject.Name(value), start, cond);
            }
            case 0x06 -> {
                AmlName source = nameString();
                AmlName alias = nameString();
                create(scope, alias, new AmlObject.Alias(absolute(scope, source)), start, cond);
            }
            case 0x14 -> method(scope, start, cond);
            case 0x15 -> external(scope, start);
            case 0xA0, 0xA2 -> {
                int pe = pkgEnd();
                inPackage(pe, op == 0xA0 ? "If" : "While", () -> {
                    termArg(scope);
                    termList(scope, true);
                });
            }
            case 0xA1 -> {
                int pe = pkgEnd();
                inPackage(pe, "Else", () -> termList(scope, true));
            }
            case 0x8A, 0x8B, 0x8C, 0x8D, 0x8F -> createField(scope, op, start, cond);
            case AmlOpcode.EXT_PREFIX -> extendedTerm(scope, start, cond);
            default -> {
                pos = start;
                termArg(scope);
            }
        }
    }

    private void extendedTerm(NamespaceNode scope, int start, boolean cond) {
        int ext = u8();
        switch (ext) {
            case 0x01 -> {
                AmlName name = nameString();
                int sync = u8() & 0x0F;
                create(scope, name, new AmlObject.Mutex(sync), start, cond);
            }
            case 0x02 -> create(scope, nameString(), new AmlObject.Event(), start, cond);
            case 0x13 -> createField(scope, 0x5B13, start, cond);
            case 0x80 -> {
                AmlName name = nameString();
                int space = u8();
                AmlTerm offset = termArg(scope);
                AmlTerm length = termArg(scope);
                create(scope, name, new AmlObject.OperationRegion(space, offset, length), start, cond);
            }
            case 0x88 -> {
                AmlName name = nameString();
                AmlTerm sig = termArg(scope);
                AmlTerm oem = termArg(scope);
                AmlTerm oemTable = termArg(scope);
                create(scope, name, new AmlObject.DataTableRegion(sig, oem, oemTable), start, cond);
            }
            case 0x81, 0x86, 0x87 -> fieldOp(scope, ext, cond);
            case 0x82, 0x83, 0x84, 0x85 -> objectWithBody(scope, ext, start, cond);
            default -> {
                pos = start;
                termArg(scope);
            }
        }
    }

    private void scopeOp(NamespaceNode scope, int start, boolean cond) {
        int pe = pkgEnd();
        inPackage(pe, "Scope", () -> {
            AmlName name = nameString();
            NamespaceNode found = ns.resolveOrNull(scope, name);
            NamespaceNode target = found == null ? null : ns.followAlias(found).orElse(null);
            if (target == null) {
                report(Severity.ERROR, start, "Scope (%s) in %s: no such object (AE_NOT_FOUND); the %d-byte Scope "
                        + "is skipped", name, scope.path(), pe - start);
                pos = pe;
                return;
            }
            termList(target, cond);
        });
    }

    private void method(NamespaceNode scope, int start, boolean cond) {
        int pe = pkgEnd();
        inPackage(pe, "Method", () -> {
            AmlName name = nameString();
            int flags = u8();
            create(scope, name, new AmlObject.Method(flags & 0x07, (flags & 0x08) != 0, flags >>> 4, pos, pe - pos),
                    start, cond);
            // Method bodies are parsed only when the method runs, as ACPICA does.
            pos = pe;
        });
    }

    private void objectWithBody(NamespaceNode scope, int ext, int start, boolean cond) {
        int pe = pkgEnd();
        String what = switch (ext) {
            case 0x82 -> "Device";
            case 0x83 -> "Processor";
            case 0x84 -> "PowerResource";
            default -> "ThermalZone";
        };
        inPackage(pe, what, () -> {
            AmlName name = nameString();
            AmlObject object = switch (ext) {
                case 0x82 -> new AmlObject.Device();
                case 0x83 -> new AmlObject.Processor(u8(), u32(), u8());
                case 0x84 -> new AmlObject.PowerResource(u8(), u16());
                default -> new AmlObject.ThermalZone();
            };
            NamespaceNode node = create(scope, name, object, start, cond);
            if (node == null) {
                pos = pe;
                return;
            }
            termList(node, cond);
        });
    }

    private void external(NamespaceNode scope, int start) {
        AmlName name = nameString();
        int type = u8();
        int argCount = u8();
        List<String> paths = ns.candidatePaths(scope, name);
        if (paths.isEmpty()) {
            report(Severity.WARNING, start, "External (%s) names nothing from %s; ignored", name, scope.path());
            return;
        }
        ns.addExternal(new ExternalDeclaration(paths.get(0), ObjectType.of(type), argCount & 0x07, source(start)));
    }

    private void createField(NamespaceNode scope, int op, int start, boolean cond) {
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
        create(scope, nameString(), new AmlObject.BufferField(kind, source, index, bits), start, cond);
    }

    private void fieldOp(NamespaceNode scope, int ext, boolean cond) {
        int pe = pkgEnd();
        String what = ext == 0x81 ? "Field" : ext == 0x86 ? "IndexField" : "BankField";
        inPackage(pe, what, () -> {
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
            fieldList(scope, src, u8(), cond);
        });
    }

    /** The FieldList of a Field, IndexField or BankField (ACPI 6.5 section 20.2.5.2), up to the package end. */
    private void fieldList(NamespaceNode scope, AmlObject.FieldSource src, int flags, boolean cond) {
        long bit = 0;
        int accessType = flags & 0x0F;
        boolean lock = (flags & 0x10) != 0;
        int update = (flags >>> 5) & 0x03;
        int attribute = 0;
        int accessLength = 0;
        AmlTerm connection = null;
        while (pos < end) {
            int at = pos;
            int c = u8();
            switch (c) {
                case 0x00 -> bit += pkgLengthValue();
                case 0x01 -> {
                    accessType = u8() & 0x0F;
                    attribute = u8();
                    accessLength = 0;
                }
                case 0x02 -> {
                    if (peek() == 0x11) {
                        pos++;
                        connection = buffer(scope);
                    } else {
                        connection = new AmlTerm.NameRef(nameString());
                    }
                }
                case 0x03 -> {
                    accessType = u8() & 0x0F;
                    attribute = u8();
                    accessLength = u8();
                }
                default -> {
                    pos = at;
                    String seg = nameSeg();
                    long bits = pkgLengthValue();
                    AmlObject.FieldAccess access =
                            new AmlObject.FieldAccess(accessType, lock, update, attribute, accessLength);
                    create(scope, new AmlName(false, 0, List.of(seg)),
                            new AmlObject.FieldUnit(src, bit, bits, access, connection), at, cond);
                    bit += bits;
                }
            }
        }
    }

    // ---- terms ---------------------------------------------------------------------------------------------

    /** A Name's value: a data object, or a bare name (a reference, never a call). */
    private AmlTerm dataRefObject(NamespaceNode scope) {
        if (isNameStart(peek())) {
            return new AmlTerm.NameRef(nameString());
        }
        return termArg(scope);
    }

    private AmlTerm termArg(NamespaceNode scope) {
        enter();
        try {
            int start = pos;
            int op = u8();
            switch (op) {
                case 0x00:
                    return ZERO;
                case 0x01:
                    return ONE;
                case 0xFF:
                    return new AmlTerm.IntegerConst(integers64 ? -1L : 0xFFFF_FFFFL);
                case 0x0A:
                    return new AmlTerm.IntegerConst(u8());
                case 0x0B:
                    return new AmlTerm.IntegerConst(u16());
                case 0x0C:
                    return new AmlTerm.IntegerConst(u32());
                case 0x0E:
                    return new AmlTerm.IntegerConst(u64());
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
                throw new Fault(start, code > 0xFF
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
        List<AmlTerm> operands = new ArrayList<>(kinds.length());
        for (int i = 0; i < kinds.length(); i++) {
            operands.add(switch (kinds.charAt(i)) {
                case 'T' -> termArg(scope);
                case 'S' -> superName(scope);
                case 'R' -> target(scope);
                case 'N' -> new AmlTerm.NameRef(nameString());
                case 'B' -> new AmlTerm.IntegerConst(u8());
                case 'W' -> new AmlTerm.IntegerConst(u16());
                default -> new AmlTerm.IntegerConst(u32());
            });
        }
        return new AmlTerm.Operation(opcode, operands);
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

    /**
     * A name in a TermArg position: a method call when it denotes a method (its argument count decides how many
     * terms follow), else a reference. Looked up in the namespace, then in External declarations, then (second
     * pass) in the namespace the first pass built; a name found nowhere is remembered for that decision.
     */
    private AmlTerm nameOrCall(NamespaceNode scope, AmlName name) {
        int argCount = argCount(scope, name);
        if (argCount <= 0) {
            return argCount == 0 ? new AmlTerm.MethodCall(name, List.of()) : new AmlTerm.NameRef(name);
        }
        List<AmlTerm> args = new ArrayList<>(argCount);
        for (int i = 0; i < argCount; i++) {
            args.add(termArg(scope));
        }
        return new AmlTerm.MethodCall(name, args);
    }

    private int argCount(NamespaceNode scope, AmlName name) {
        NamespaceNode found = ns.resolveOrNull(scope, name);
        if (found != null) {
            NamespaceNode target = ns.followAlias(found).orElse(null);
            return target != null && target.object() instanceof AmlObject.Method m ? m.argCount() : -1;
        }
        List<String> candidates = ns.candidatePaths(scope, name);
        for (String path : candidates) {
            ExternalDeclaration e = ns.external(path);
            if (e != null) {
                return e.type() == ObjectType.METHOD ? e.argCount() : -1;
            }
        }
        if (pass.oracle != null) {
            return LoadPass.argCount(pass.oracle, candidates);
        }
        if (!candidates.isEmpty()) {
            pass.unresolved.add(candidates);
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
            throw new Fault(start, String.format("String at 0x%X has no terminating NUL before 0x%X", start, end));
        }
        pos = nul + 1;
        return new AmlTerm.StringConst(new String(b, start, nul - start, StandardCharsets.ISO_8859_1));
    }

    /** A Buffer after its opcode: the size term and the bytes present; the declared size is never allocated. */
    private AmlTerm.BufferData buffer(NamespaceNode scope) {
        int pe = pkgEnd();
        int saved = narrow(pe);
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
        List<AmlTerm> elements = new ArrayList<>();
        AmlTerm[] count = {ZERO};
        inPackage(pe, variable ? "VarPackage" : "Package", () -> {
            count[0] = variable ? termArg(scope) : new AmlTerm.IntegerConst(u8());
            while (pos < end) {
                elements.add(dataRefObject(scope));
            }
        });
        return new AmlTerm.PackageData(count[0], elements, variable);
    }

    // ---- names ---------------------------------------------------------------------------------------------

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
            int at = pos;
            int count = u8();
            if (count == 0) {
                throw new Fault(at, "MultiNamePrefix with a segment count of 0");
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
            throw new Fault(at, String.format("NameSeg needs 4 bytes but the enclosing package ends at 0x%X", end));
        }
        boolean ok = AmlName.isLeadChar(b[at] & 0xFF);
        for (int i = 1; i < 4; i++) {
            ok &= AmlName.isNameChar(b[at + i] & 0xFF);
        }
        if (!ok) {
            throw new Fault(at, String.format("invalid NameSeg bytes %02X %02X %02X %02X", b[at], b[at + 1],
                    b[at + 2], b[at + 3]));
        }
        pos += 4;
        return new String(b, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static boolean isNameStart(int c) {
        return c == '\\' || c == '^' || c == 0x2E || c == 0x2F || AmlName.isLeadChar(c);
    }

    /** The absolute form of an Alias source: its current target's path, or its path from this scope. */
    private AmlName absolute(NamespaceNode scope, AmlName name) {
        NamespaceNode found = ns.resolveOrNull(scope, name);
        if (found != null) {
            return AmlName.parse(found.fullPath());
        }
        List<String> candidates = ns.candidatePaths(scope, name);
        return candidates.isEmpty() ? name : AmlName.parse(candidates.get(0));
    }

    // ---- namespace -----------------------------------------------------------------------------------------

    private NamespaceNode create(NamespaceNode scope, AmlName name, AmlObject object, int offset, boolean cond) {
        String kind = kind(object);
        if (name.segments().isEmpty()) {
            report(Severity.ERROR, offset, "%s declared with no name segment (%s) in %s; ignored", kind,
                    name.isNull() ? "NullName" : name, scope.path());
            return null;
        }
        NamespaceNode parent = Namespace.start(scope, name, ns.root());
        List<String> segs = name.segments();
        for (int i = 0; i < segs.size() - 1 && parent != null; i++) {
            NamespaceNode next = parent.childOrNull(segs.get(i));
            parent = next == null ? null : ns.followAlias(next).orElse(null);
        }
        if (parent == null) {
            report(Severity.ERROR, offset, "%s %s in %s: its parent scope does not exist (AE_NOT_FOUND); not created",
                    kind, name, scope.path());
            return null;
        }
        String seg = name.lastSegment();
        NamespaceNode existing = parent.childOrNull(seg);
        if (existing != null) {
            String at = existing.source().map(AmlSource::toString).orElse("predefined");
            report(cond || existing.conditional() ? Severity.WARNING : Severity.ERROR, offset,
                    "%s %s: name already exists as %s (%s); the first definition is kept (AE_ALREADY_EXISTS)",
                    kind, pathOf(parent, seg), kind(existing.object()), at);
            return null;
        }
        NamespaceNode node = new NamespaceNode(seg, parent, object, source(offset), cond);
        parent.addChild(node);
        return node;
    }

    private static String pathOf(NamespaceNode parent, String seg) {
        String p = parent.path();
        return (p.equals("\\") ? p : p + ".") + AmlName.printSegment(seg);
    }

    /** The ASL word for an object's kind, for messages (the variant's name: Device, Name, Mutex, ...). */
    private static String kind(AmlObject o) {
        return o.getClass().getSimpleName();
    }

    private AmlSource source(int offset) {
        return new AmlSource(table.signature(), table.instance(), offset);
    }

    // ---- bounded reading -----------------------------------------------------------------------------------

    /**
     * Runs {@code body} with reads bounded by {@code pe}; a fault inside is reported and parsing resumes at
     * {@code pe}, the end of this package.
     */
    private void inPackage(int pe, String what, Runnable body) {
        int saved = narrow(pe);
        try {
            enter();
            try {
                body.run();
            } finally {
                depth--;
            }
        } catch (Fault f) {
            report(Severity.ERROR, f.offset, "%s; skipped to 0x%X, the end of the enclosing %s", f.getMessage(), pe,
                    what);
            pos = pe;
        } finally {
            end = saved;
        }
    }

    private void enter() {
        if (depth >= maxDepth) {
            throw new Fault(pos, "nesting deeper than " + maxDepth + " levels");
        }
        depth++;
    }

    private int narrow(int limit) {
        int saved = end;
        end = limit;
        return saved;
    }

    /** Reads a PkgLength and returns the end offset of the package it measures, clamped to the enclosing one. */
    private int pkgEnd() {
        int start = pos;
        long length = pkgLengthValue();
        long pe = start + length;
        if (pe < pos) {
            throw new Fault(start, String.format("PkgLength %d is shorter than its own %d-byte encoding", length,
                    pos - start));
        }
        if (pe > end) {
            report(Severity.ERROR, start, "PkgLength %d runs to 0x%X, past the end of the enclosing package at 0x%X;"
                    + " read up to 0x%X", length, pe, end, end);
            pe = end;
        }
        return (int) pe;
    }

    /** The value of a PkgLength encoding (ACPI 6.5 section 20.2.4): 1 to 4 bytes. */
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
            throw truncated(1);
        }
        return b[pos] & 0xFF;
    }

    private int u8() {
        if (pos >= end) {
            throw truncated(1);
        }
        return b[pos++] & 0xFF;
    }

    private int u16() {
        return (int) le(2);
    }

    private long u32() {
        return le(4);
    }

    private long u64() {
        return le(8);
    }

    private long le(int n) {
        if (end - pos < n) {
            throw truncated(n);
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (b[pos + i] & 0xFFL) << (8 * i);
        }
        pos += n;
        return v;
    }

    private long u32At(int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private Fault truncated(int n) {
        return new Fault(pos, String.format("%d more byte%s needed but the enclosing package ends at 0x%X", n,
                n == 1 ? " is" : "s are", end));
    }

    private void report(Severity severity, long offset, String format, Object... args) {
        pass.diagnostics.add(new Diagnostic(table.signature(), table.instance(), offset, severity,
                String.format(format, args)));
    }
}
