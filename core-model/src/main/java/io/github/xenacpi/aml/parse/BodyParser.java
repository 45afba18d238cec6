package io.github.xenacpi.aml.parse;

import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlOpcode;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.Namespace;
import io.github.xenacpi.aml.NamespaceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Parses a method body (a TermList, ACPI 6.5 section 20.2.5) into {@link Stmt}s when the method first runs. Names in
 * term positions become calls when the namespace (or an External) says they denote a method, with that method's
 * argument count. Reads are bounded by the body; a fault ends the statement list with a {@link Stmt.Fault}, and
 * nesting is bounded, so recursion depth is bounded.
 */
public final class BodyParser extends TermParser {
    public static final int MAX_DEPTH = 128;

    private boolean moduleLevel;
    /** At module level: whether the values of Names that have a PkgLength are skipped by it, not parsed. */
    private boolean skipPackagedNames;

    private final List<Stmt.Fault> faults = new ArrayList<>();

    public BodyParser(byte[] table, Namespace ns, boolean integers64) {
        this(table, ns, integers64, new NameSegments());
    }

    /** A parser whose names are shared through {@code segments} with the other parsers of the same interpreter. */
    public BodyParser(byte[] table, Namespace ns, boolean integers64, NameSegments segments) {
        super(new AmlReader(table, AmlReader.Wording.METHOD_BODY, integers64, segments), ns);
    }

    /** Every fault met while parsing method bodies, in order (module-level faults are the loader's). */
    public List<Stmt.Fault> faults() {
        return faults;
    }

    /** The statements of the body at [offset, offset + length) of the table, in {@code scope} (the method node). */
    public List<Stmt> parse(NamespaceNode scope, int offset, int length) {
        in.reset(offset, length);
        depth = 0;
        moduleLevel = false;
        return termList(scope);
    }

    /**
     * The module-level code of a whole definition block at [offset, offset + length): the statements outside
     * methods (If, While, Store, calls, ...), each in the scope it appears in. Named objects are left out (the
     * loader created them) and method bodies are skipped.
     */
    public List<Stmt> parseModuleLevel(NamespaceNode root, int offset, int length) {
        return parseModuleLevel(root, offset, length, false);
    }

    /**
     * As {@link #parseModuleLevel(NamespaceNode, int, int)}; when {@code loadedCleanly} (the loader parsed the whole
     * block without a diagnostic), the value of a Name that is a Package, VarPackage or Buffer is skipped by its
     * PkgLength instead of parsed again: the loader created the Name from it, the module-level code drops it, and it
     * has no fault that would end the code of its scope. On laptops' DSDTs this is most of the module-level parse.
     */
    public List<Stmt> parseModuleLevel(NamespaceNode root, int offset, int length, boolean loadedCleanly) {
        in.reset(offset, length);
        depth = 0;
        moduleLevel = true;
        skipPackagedNames = loadedCleanly;
        return termList(root);
    }

    private List<Stmt> termList(NamespaceNode scope) {
        List<Stmt> out = new ArrayList<>();
        while (in.hasMore()) {
            int at = in.pos();
            try {
                Stmt s = statement(scope, out);
                if (s != null) {
                    out.add(s);
                }
            } catch (AmlReader.Fault f) {
                // At module level the loader has reported the fault already.
                if (!moduleLevel) {
                    out.add(fault(new Stmt.Fault(f.offset, f.getMessage())));
                }
                in.seek(in.end());
            } catch (IllegalArgumentException e) {
                if (!moduleLevel) {
                    out.add(fault(new Stmt.Fault(at, e.getMessage())));
                }
                in.seek(in.end());
            }
        }
        return out;
    }

    private Stmt.Fault fault(Stmt.Fault f) {
        faults.add(f);
        return f;
    }

    private Stmt statement(NamespaceNode scope, List<Stmt> previous) {
        if (!moduleLevel) {
            return methodStatement(scope, previous);
        }
        int at = in.pos();
        int op = in.u8();
        if (op == 0x10 || op == 0x14 || (op == AmlOpcode.EXT_PREFIX && in.peek() >= 0x82 && in.peek() <= 0x85)) {
            int ext = op == AmlOpcode.EXT_PREFIX ? in.u8() : 0;
            int pe = pkgEnd();
            if (op == 0x14) {
                in.seek(pe);
                return null;
            }
            return nested(pe, () -> {
                AmlName name = in.nameString();
                in.skip(ext == 0x83 ? 6 : ext == 0x84 ? 3 : 0);
                NamespaceNode found = ns.resolveOrNull(scope, name);
                NamespaceNode target =
                        found == null ? null : ns.followAlias(found).orElse(null);
                if (target == null || in.pos() > in.end()) {
                    return null;
                }
                List<Stmt> body = termList(target);
                return body.isEmpty() ? null : new Stmt.Scope(at, target, body);
            });
        }
        if (op == 0x15) {
            in.nameString();
            in.u8();
            in.u8();
            return null;
        }
        if (op == 0x08 && skipPackagedNames) {
            in.nameString();
            int value = in.peek();
            if (value == 0x11 || value == 0x12 || value == 0x13) {
                in.skip(1);
                in.seek(pkgEnd());
                return null;
            }
        }
        in.seek(at);
        Stmt s = methodStatement(scope, previous);
        return s instanceof Stmt.Declare || s instanceof Stmt.Block || s instanceof Stmt.Unsupported ? null : s;
    }

    private Stmt methodStatement(NamespaceNode scope, List<Stmt> previous) {
        int at = in.pos();
        int op = in.u8();
        return switch (op) {
            case 0x08 -> {
                AmlName name = in.nameString();
                AmlTerm value = superName(scope);
                yield new Stmt.Declare(at, name, new AmlObject.Name(value));
            }
            case 0x06 -> {
                AmlName source = in.nameString();
                yield new Stmt.Declare(at, in.nameString(), new AmlObject.Alias(source));
            }
            case 0xA0, 0xA2 -> {
                int pe = pkgEnd();
                yield nested(pe, () -> {
                    AmlTerm predicate = termArg(scope);
                    List<Stmt> body = termList(scope);
                    return op == 0xA0
                            ? new Stmt.If(at, predicate, body, List.of())
                            : new Stmt.While(at, predicate, body);
                });
            }
            case 0xA1 -> {
                int pe = pkgEnd();
                Stmt.If last =
                        previous.isEmpty() || !(previous.get(previous.size() - 1) instanceof Stmt.If i) ? null : i;
                Stmt otherwise = nested(pe, () -> new Stmt.If(at, null, termList(scope), List.of()));
                if (last == null || !last.otherwise().isEmpty()) {
                    throw new AmlReader.Fault(at, "Else without a preceding If");
                }
                previous.set(
                        previous.size() - 1,
                        new Stmt.If(last.offset(), last.predicate(), last.then(), ((Stmt.If) otherwise).then()));
                yield null;
            }
            case 0x10, 0x14 -> {
                int pe = pkgEnd();
                in.seek(pe);
                yield new Stmt.Unsupported(at, op == 0x10 ? "Scope inside a method" : "Method inside a method");
            }
            case 0x8A, 0x8B, 0x8C, 0x8D, 0x8F -> createField(scope, op, at);
            case AmlOpcode.EXT_PREFIX -> extended(scope, at);
            default -> {
                in.seek(at);
                yield new Stmt.Eval(at, termArg(scope));
            }
        };
    }

    private Stmt extended(NamespaceNode scope, int at) {
        int ext = in.u8();
        return switch (ext) {
            case 0x01 -> {
                in.nameString();
                in.u8();
                yield new Stmt.Unsupported(at, "Mutex declared inside a method (no effect)");
            }
            case 0x02 -> {
                in.nameString();
                yield new Stmt.Unsupported(at, "Event declared inside a method (no effect)");
            }
            case 0x13 -> createField(scope, 0x5B13, at);
            case 0x80 -> {
                AmlName name = in.nameString();
                int space = in.u8();
                AmlTerm offset = termArg(scope);
                AmlTerm length = termArg(scope);
                yield new Stmt.Declare(at, name, new AmlObject.OperationRegion(space, offset, length));
            }
            case 0x81, 0x86, 0x87 -> fields(scope, ext, at);
            case 0x82, 0x83, 0x84, 0x85, 0x88 -> {
                if (ext == 0x88) {
                    in.nameString();
                    termArg(scope);
                    termArg(scope);
                    termArg(scope);
                } else {
                    in.seek(pkgEnd());
                }
                yield new Stmt.Unsupported(at, String.format("named object 0x5B 0x%02X declared inside a method", ext));
            }
            default -> {
                in.seek(at);
                yield new Stmt.Eval(at, termArg(scope));
            }
        };
    }

    private Stmt createField(NamespaceNode scope, int op, int at) {
        AmlObject.BufferField field = bufferField(scope, op);
        return new Stmt.Declare(at, in.nameString(), field);
    }

    /** A Field, IndexField or BankField inside a method: a block of one Declare per unit. */
    private Stmt fields(NamespaceNode scope, int ext, int at) {
        int pe = pkgEnd();
        List<Stmt> units = new ArrayList<>();
        nested(pe, () -> {
            AmlObject.FieldSource src = fieldSource(scope, ext);
            fieldList(scope, src, in.u8(), (unitAt, name, unit) -> units.add(new Stmt.Declare(unitAt, name, unit)));
            return null;
        });
        return units.isEmpty() ? null : new Stmt.Block(at, units);
    }

    // ---- nesting ------------------------------------------------------------------------------------------

    @Override
    void enterTerm() {
        if (depth >= MAX_DEPTH) {
            throw new AmlReader.Fault(in.pos(), "terms nested deeper than " + MAX_DEPTH + " levels");
        }
        depth++;
    }

    @Override
    int pkgEnd() {
        return (int) Math.min(in.pkgEnd(), in.end());
    }

    @Override
    void within(int pe, String what, Runnable body) {
        nested(pe, () -> {
            body.run();
            return null;
        });
    }

    @Override
    int unknownArgCount(List<String> candidates) {
        return -1;
    }

    @Override
    boolean wantsUnresolved() {
        return false;
    }

    private <T> T nested(int pe, Supplier<T> body) {
        if (depth >= MAX_DEPTH) {
            throw new AmlReader.Fault(in.pos(), "blocks nested deeper than " + MAX_DEPTH + " levels");
        }
        depth++;
        int saved = in.narrow(pe);
        try {
            T t = body.get();
            in.seek(pe);
            return t;
        } finally {
            in.restore(saved);
            depth--;
        }
    }
}
