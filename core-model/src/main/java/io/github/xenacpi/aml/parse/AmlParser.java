package io.github.xenacpi.aml.parse;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlOpcode;
import io.github.xenacpi.aml.AmlSource;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.ExternalDeclaration;
import io.github.xenacpi.aml.Namespace;
import io.github.xenacpi.aml.NamespaceNode;
import io.github.xenacpi.aml.ObjectType;
import java.util.List;

/**
 * Parses the AML of one definition block into a namespace (ACPI 6.5 chapter 20). Named objects are created as
 * they are met; method bodies are skipped by their PkgLength (they are parsed only when run); module-level
 * If/Else/While bodies are parsed, never run, and what they declare is marked conditional. Every read is bounded
 * by the innermost enclosing package; a fault is reported and parsing resumes after that package. Nesting is
 * bounded by {@link AmlLoader#MAX_DEPTH}, so recursion depth is bounded.
 */
public final class AmlParser extends TermParser {
    /** Size of the standard table header; the AML starts after it. */
    public static final int HEADER_SIZE = 36;

    private final RawTable table;
    private final byte[] b;
    private final LoadPass pass;
    private final int maxDepth;

    AmlParser(RawTable table, LoadPass pass, int maxDepth) {
        this(table, table.bytes(), pass, maxDepth);
    }

    private AmlParser(RawTable table, byte[] b, LoadPass pass, int maxDepth) {
        super(new AmlReader(b, AmlReader.Wording.DEFINITION_BLOCK, integers64(b), pass.segments), pass.namespace);
        this.table = table;
        this.b = b;
        this.pass = pass;
        this.maxDepth = maxDepth;
    }

    /** DefinitionBlock ComplianceRevision: 2 and above means 64-bit integers, below 2 32-bit. */
    private static boolean integers64(byte[] b) {
        return b.length >= HEADER_SIZE && (b[8] & 0xFF) >= 2;
    }

    /** Loads the table's AML into the pass's namespace. */
    void load() {
        if (b.length < HEADER_SIZE) {
            report(
                    Severity.ERROR,
                    0,
                    "table has %d bytes, fewer than the %d-byte header; nothing loaded",
                    b.length,
                    HEADER_SIZE);
            return;
        }
        long declared = u32At(4);
        int tableEnd = b.length;
        if (declared < HEADER_SIZE) {
            report(
                    Severity.ERROR,
                    4,
                    "length field %d is less than the %d-byte header; loading the %d bytes present",
                    declared,
                    HEADER_SIZE,
                    b.length);
        } else if (declared > b.length) {
            report(
                    Severity.ERROR,
                    4,
                    "table truncated: length field says %d bytes but %d are present; " + "loading the bytes present",
                    declared,
                    b.length);
        } else {
            tableEnd = (int) declared;
        }
        in.reset(HEADER_SIZE, tableEnd - HEADER_SIZE);
        inPackage(tableEnd, "the table", () -> termList(ns.root(), false));
    }

    // ---- term lists and named objects -------------------------------------------------------------------

    private void termList(NamespaceNode scope, boolean conditional) {
        while (in.hasMore()) {
            term(scope, conditional);
        }
    }

    private void term(NamespaceNode scope, boolean cond) {
        int start = in.pos();
        int op = in.u8();
        switch (op) {
            case 0x10 -> scopeOp(scope, start, cond);
            case 0x08 -> {
                AmlName name = in.nameString();
                AmlTerm value = superName(scope);
                create(scope, name, new AmlObject.Name(value), start, cond);
            }
            case 0x06 -> {
                AmlName source = in.nameString();
                AmlName alias = in.nameString();
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
                in.seek(start);
                termArg(scope);
            }
        }
    }

    private void extendedTerm(NamespaceNode scope, int start, boolean cond) {
        int ext = in.u8();
        switch (ext) {
            case 0x01 -> {
                AmlName name = in.nameString();
                int sync = in.u8() & 0x0F;
                create(scope, name, new AmlObject.Mutex(sync), start, cond);
            }
            case 0x02 -> create(scope, in.nameString(), new AmlObject.Event(), start, cond);
            case 0x13 -> createField(scope, 0x5B13, start, cond);
            case 0x80 -> {
                AmlName name = in.nameString();
                int space = in.u8();
                AmlTerm offset = termArg(scope);
                AmlTerm length = termArg(scope);
                create(scope, name, new AmlObject.OperationRegion(space, offset, length), start, cond);
            }
            case 0x88 -> {
                AmlName name = in.nameString();
                AmlTerm sig = termArg(scope);
                AmlTerm oem = termArg(scope);
                AmlTerm oemTable = termArg(scope);
                create(scope, name, new AmlObject.DataTableRegion(sig, oem, oemTable), start, cond);
            }
            case 0x81, 0x86, 0x87 -> fieldOp(scope, ext, cond);
            case 0x82, 0x83, 0x84, 0x85 -> objectWithBody(scope, ext, start, cond);
            default -> {
                in.seek(start);
                termArg(scope);
            }
        }
    }

    private void scopeOp(NamespaceNode scope, int start, boolean cond) {
        int pe = pkgEnd();
        inPackage(pe, "Scope", () -> {
            AmlName name = in.nameString();
            NamespaceNode found = ns.resolveOrNull(scope, name);
            NamespaceNode target = found == null ? null : ns.followAlias(found).orElse(null);
            if (target == null) {
                report(
                        Severity.ERROR,
                        start,
                        "Scope (%s) in %s: no such object (AE_NOT_FOUND); the %d-byte Scope " + "is skipped",
                        name,
                        scope.path(),
                        pe - start);
                in.seek(pe);
                return;
            }
            termList(target, cond);
        });
    }

    private void method(NamespaceNode scope, int start, boolean cond) {
        int pe = pkgEnd();
        inPackage(pe, "Method", () -> {
            AmlName name = in.nameString();
            int flags = in.u8();
            int bodyAt = in.pos();
            create(
                    scope,
                    name,
                    new AmlObject.Method(flags & 0x07, (flags & 0x08) != 0, flags >>> 4, bodyAt, pe - bodyAt),
                    start,
                    cond);
            // Method bodies are parsed only when the method runs, as ACPICA does.
            in.seek(pe);
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
            AmlName name = in.nameString();
            AmlObject object = switch (ext) {
                case 0x82 -> new AmlObject.Device();
                case 0x83 -> new AmlObject.Processor(in.u8(), in.u32(), in.u8());
                case 0x84 -> new AmlObject.PowerResource(in.u8(), in.u16());
                default -> new AmlObject.ThermalZone();
            };
            NamespaceNode node = create(scope, name, object, start, cond);
            if (node == null) {
                in.seek(pe);
                return;
            }
            termList(node, cond);
        });
    }

    private void external(NamespaceNode scope, int start) {
        AmlName name = in.nameString();
        int type = in.u8();
        int argCount = in.u8();
        List<String> paths = ns.candidatePaths(scope, name);
        if (paths.isEmpty()) {
            report(Severity.WARNING, start, "External (%s) names nothing from %s; ignored", name, scope.path());
            return;
        }
        ns.addExternal(new ExternalDeclaration(paths.get(0), ObjectType.of(type), argCount & 0x07, source(start)));
    }

    private void createField(NamespaceNode scope, int op, int start, boolean cond) {
        AmlObject.BufferField field = bufferField(scope, op);
        create(scope, in.nameString(), field, start, cond);
    }

    private void fieldOp(NamespaceNode scope, int ext, boolean cond) {
        int pe = pkgEnd();
        String what = ext == 0x81 ? "Field" : ext == 0x86 ? "IndexField" : "BankField";
        inPackage(pe, what, () -> {
            AmlObject.FieldSource src = fieldSource(scope, ext);
            fieldList(scope, src, in.u8(), (at, name, unit) -> create(scope, name, unit, at, cond));
        });
    }

    // ---- terms ---------------------------------------------------------------------------------------------

    /**
     * Looked up in the namespace, then in External declarations, then (second pass) in the namespace the first pass
     * built; a name found nowhere is remembered for that decision.
     */
    @Override
    int unknownArgCount(List<String> candidates) {
        if (pass.oracle != null) {
            return LoadPass.argCount(pass.oracle, candidates);
        }
        if (!candidates.isEmpty()) {
            pass.unresolved.add(candidates);
        }
        return -1;
    }

    @Override
    boolean wantsUnresolved() {
        return true;
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
            report(
                    Severity.ERROR,
                    offset,
                    "%s declared with no name segment (%s) in %s; ignored",
                    kind,
                    name.isNull() ? "NullName" : name,
                    scope.path());
            return null;
        }
        NamespaceNode parent = Namespace.start(scope, name, ns.root());
        List<String> segs = name.segments();
        for (int i = 0; i < segs.size() - 1 && parent != null; i++) {
            NamespaceNode next = parent.childOrNull(segs.get(i));
            parent = next == null ? null : ns.followAlias(next).orElse(null);
        }
        if (parent == null) {
            report(
                    Severity.ERROR,
                    offset,
                    "%s %s in %s: its parent scope does not exist (AE_NOT_FOUND); not created",
                    kind,
                    name,
                    scope.path());
            return null;
        }
        String seg = name.lastSegment();
        NamespaceNode existing = parent.childOrNull(seg);
        if (existing != null) {
            String at = existing.source().map(AmlSource::toString).orElse("predefined");
            report(
                    cond || existing.conditional() ? Severity.WARNING : Severity.ERROR,
                    offset,
                    "%s %s: name already exists as %s (%s); the first definition is kept (AE_ALREADY_EXISTS)",
                    kind,
                    pathOf(parent, seg),
                    kind(existing.object()),
                    at);
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
        int saved = in.narrow(pe);
        try {
            enterTerm();
            try {
                body.run();
            } finally {
                depth--;
            }
        } catch (AmlReader.Fault f) {
            report(
                    Severity.ERROR,
                    f.offset,
                    "%s; skipped to 0x%X, the end of the enclosing %s",
                    f.getMessage(),
                    pe,
                    what);
            in.seek(pe);
        } finally {
            in.restore(saved);
        }
    }

    @Override
    void within(int pe, String what, Runnable body) {
        inPackage(pe, what, body);
    }

    @Override
    void enterTerm() {
        if (depth >= maxDepth) {
            throw new AmlReader.Fault(in.pos(), "nesting deeper than " + maxDepth + " levels");
        }
        depth++;
    }

    /** Reads a PkgLength and returns the end offset of the package it measures, clamped to the enclosing one. */
    @Override
    int pkgEnd() {
        int start = in.pos();
        long pe = in.pkgEnd();
        int end = in.end();
        if (pe > end) {
            report(
                    Severity.ERROR,
                    start,
                    "PkgLength %d runs to 0x%X, past the end of the enclosing package at 0x%X;" + " read up to 0x%X",
                    pe - start,
                    pe,
                    end,
                    end);
            pe = end;
        }
        return (int) pe;
    }

    private long u32At(int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    @FormatMethod
    private void report(Severity severity, long offset, @FormatString String format, Object... args) {
        pass.diagnostics.add(
                new Diagnostic(table.signature(), table.instance(), offset, severity, String.format(format, args)));
    }
}
