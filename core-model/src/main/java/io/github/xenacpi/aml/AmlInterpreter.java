package io.github.xenacpi.aml;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.source.RawTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A bounded AML interpreter over a loaded namespace (ACPI 6.5 chapters 19 and 20): evaluates a named object or runs
 * a method with arguments. Method bodies are parsed from the tables when first run. Field reads and writes in an
 * OperationRegion are recorded as {@link RegionAccess}es and answered by the {@link MemoryModel}, never by real
 * memory. Every evaluation runs within a {@link Budget}; nothing escapes as an exception: errors, unsupported
 * operators and exceeded limits become findings of the {@link Evaluation}. Named objects keep their values between
 * evaluations (as in a running system); not thread-safe.
 */
public final class AmlInterpreter {
    /** The strings Linux answers _OSI with true (ACPICA's interface list, as Linux leaves it enabled). */
    private static final Set<String> OSI_TRUE = Set.of("Windows 2000", "Windows 2001", "Windows 2001 SP1",
            "Windows 2001.1", "Windows 2001 SP2", "Windows 2001.1 SP1", "Windows 2006", "Windows 2006.1",
            "Windows 2006 SP1", "Windows 2006 SP2", "Windows 2009", "Windows 2012", "Windows 2013", "Windows 2015",
            "Windows 2016", "Windows 2017", "Windows 2017.2", "Windows 2018", "Windows 2018.2", "Windows 2019",
            "Windows 2020", "Windows 2021", "Windows 2022", "Module Device", "Processor Device",
            "3.0 Thermal Model", "3.0 _SCP Extensions", "Processor Aggregator Device",
            "Extended Address Space Descriptor");
    /** What the Revision operator returns: an ACPICA version number. */
    private static final long ACPICA_REVISION = 0x2024_0827L;

    private final Namespace ns;
    private final Map<String, RawTable> tables = new HashMap<>();
    private final List<RawTable> loadOrder = new ArrayList<>();
    private final MemoryModel memory;
    private final Budget budget;
    private final boolean integers64;
    private final long ones;
    private final Map<NamespaceNode, List<Stmt>> bodies = new IdentityHashMap<>();
    private final Map<NamespaceNode, AmlValue> globals = new IdentityHashMap<>();
    private final Map<NamespaceNode, RegionState> regions = new IdentityHashMap<>();
    private final Map<NamespaceNode, BufferSlice> bufferFields = new IdentityHashMap<>();
    private final Set<NamespaceNode> initializing = Collections.newSetFromMap(new IdentityHashMap<>());
    private Context cx;

    /**
     * An interpreter over the namespace loaded from {@code tables} (the same DSDT and SSDTs, for the method bodies).
     * Integers are 64-bit unless the DSDT's revision is below 2.
     */
    public AmlInterpreter(LoadedNamespace loaded, List<RawTable> tables, MemoryModel memory, Budget budget) {
        this.ns = loaded.namespace();
        this.memory = memory;
        this.budget = budget;
        boolean wide = true;
        for (RawTable t : tables) {
            if (t.signature().equals("DSDT")) {
                loadOrder.add(t);
            }
        }
        for (RawTable t : tables) {
            if (t.signature().equals("SSDT")) {
                loadOrder.add(t);
            }
        }
        for (RawTable t : tables) {
            this.tables.put(key(t.signature(), t.instance()), t);
            if (t.signature().equals("DSDT") && t.size() > 8 && t.byteAt(8) < 2) {
                wide = false;
            }
        }
        this.integers64 = wide;
        this.ones = wide ? -1L : 0xFFFF_FFFFL;
    }

    /** The namespace evaluated. */
    public Namespace namespace() {
        return ns;
    }

    /** The definition blocks in the order the loader loads them: the DSDT, then the SSDTs as given. */
    public List<RawTable> definitionBlocks() {
        return List.copyOf(loadOrder);
    }

    /** Whether integers are 64 bits wide (DSDT revision 2 or above). */
    public boolean integers64() {
        return integers64;
    }

    /** Evaluates the object at an absolute path; a method is run with the arguments given. */
    public Evaluation evaluate(String path, AmlValue... args) {
        NamespaceNode node = ns.node(path).orElse(null);
        if (node == null) {
            return new Evaluation(path, Evaluation.Outcome.NOT_FOUND, null, List.of(), List.of(), List.of(), null);
        }
        return evaluate(node, List.of(args));
    }

    /** Evaluates a namespace object; a method is run with the arguments given. */
    public Evaluation evaluate(NamespaceNode node, List<AmlValue> args) {
        return run(node, () -> {
            NamespaceNode target = follow(node);
            if (target.object() instanceof AmlObject.Method) {
                return invoke(target, args.toArray(new AmlValue[0]));
            }
            return read(target, new Frame(target.parentOrNull() == null ? target : target.parentOrNull()));
        });
    }

    /**
     * Runs the module-level code of a definition block (the statements outside methods, as ACPICA runs them while it
     * loads the table); an evaluation that completes with nothing when the table has none.
     */
    public Evaluation runModuleLevelCode(RawTable table) {
        String label = (table.instance() > 1 ? table.signature() + "#" + table.instance() : table.signature())
                + " module-level code";
        AmlSource src = new AmlSource(table.signature(), table.instance(), AmlParser.HEADER_SIZE);
        return run(label, src, () -> {
            int length = (int) Math.min(table.size(), Math.max(AmlParser.HEADER_SIZE, u32(table.bytes(), 4)));
            List<Stmt> code = new BodyParser(table.bytes(), ns, integers64).parseModuleLevel(ns.root(),
                    AmlParser.HEADER_SIZE, length - AmlParser.HEADER_SIZE);
            if (!code.isEmpty()) {
                exec(code, new Frame(ns.root()));
            }
            return null;
        });
    }

    private static long u32(byte[] b, int at) {
        if (b.length < at + 4) {
            return 0;
        }
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    /**
     * The space, base and length of an OperationRegion, evaluating its operands (once; later calls give the same
     * answer) in an evaluation of its own; unresolved with the reason when they depend on state the model does not
     * have or cannot be evaluated.
     */
    public RegionResolution region(NamespaceNode node) {
        RegionState[] state = new RegionState[1];
        Evaluation e = run(node, () -> {
            state[0] = regionState(node, null);
            return null;
        });
        RegionState s = state[0];
        if (s == null) {
            String why = e.limit() != null ? "the " + e.limit().label() + " budget ran out evaluating its operands"
                    : e.diagnostics().isEmpty() ? "its operands could not be evaluated"
                    : e.diagnostics().get(e.diagnostics().size() - 1).message();
            int spaceId = node.object() instanceof AmlObject.OperationRegion r ? r.spaceId() : -1;
            return new RegionResolution(node.path(), AddressSpace.of(spaceId), spaceId, OptionalLong.empty(),
                    OptionalLong.empty(), why, e.accesses());
        }
        return new RegionResolution(node.path(), s.space, s.spaceId,
                s.reason == null ? OptionalLong.of(s.base) : OptionalLong.empty(),
                s.reason == null ? OptionalLong.of(s.length) : OptionalLong.empty(), s.reason, e.accesses());
    }

    /**
     * An OperationRegion's evaluated operands: base and length present when resolved, else the reason; and the
     * accesses made while evaluating them (a base read from another region).
     */
    public record RegionResolution(String path, AddressSpace space, int spaceId, OptionalLong base,
                                   OptionalLong length, String reason, List<RegionAccess> accesses) {
        public RegionResolution {
            accesses = List.copyOf(accesses);
        }

        /** Whether base and length are known. */
        public boolean resolved() {
            return reason == null;
        }
    }

    // ---- evaluation context ---------------------------------------------------------------------------------

    /** The state of one evaluation from outside AML: its budget use and what it recorded. */
    private final class Context {
        final String rootPath;
        final AmlSource rootSource;
        final long deadline;
        final List<RegionAccess> accesses = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final List<String> unknowns = new ArrayList<>();
        int unknownCount;
        String lastUnknown;
        long steps;
        int callDepth;
        int nesting;

        Context(String rootPath, AmlSource rootSource) {
            this.rootPath = rootPath;
            this.rootSource = rootSource;
            this.deadline = System.nanoTime() + budget.maxWallClock().toNanos();
        }
    }

    /** One activation of a method (or of module-level code: a Name's value, a region's operands). */
    private static final class Frame {
        final NamespaceNode scope;
        final AmlValue[] args = new AmlValue[7];
        final AmlValue[] locals = new AmlValue[8];
        final Map<String, NamespaceNode> declared = new HashMap<>();
        final Map<NamespaceNode, AmlValue> values = new IdentityHashMap<>();
        final Map<NamespaceNode, RegionState> regions = new IdentityHashMap<>();
        final Map<NamespaceNode, BufferSlice> slices = new IdentityHashMap<>();
        AmlValue result;
        int offset;

        Frame(NamespaceNode scope) {
            this.scope = scope;
        }
    }

    /** An AML run-time error: it aborts the evaluation, as ACPICA aborts the method and its callers. */
    private static final class AmlError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AmlError(String message) {
            super(message, null, false, false);
        }
    }

    /** A budget limit was reached. */
    private static final class BudgetHit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Budget.Limit limit;
        final String where;

        BudgetHit(Budget.Limit limit, String where) {
            super(limit.label(), null, false, false);
            this.limit = limit;
            this.where = where;
        }
    }

    /** A region's evaluated operands; {@code reason} non-null when unresolved. */
    private record RegionState(AddressSpace space, int spaceId, long base, long length, String reason) {
    }

    /** The bits of a buffer that a buffer field stands for. */
    private record BufferSlice(AmlValue.Buffer buffer, long bitIndex, long bitLength) {
    }

    private enum Flow { NEXT, BREAK, CONTINUE, RETURN }

    @FunctionalInterface
    private interface Body {
        AmlValue run();
    }

    private Evaluation run(NamespaceNode node, Body body) {
        return run(node.path(), node.sourceOrNull(), body);
    }

    private Evaluation run(String path, AmlSource source, Body body) {
        Context saved = cx;
        Context c = new Context(path, source);
        cx = c;
        try {
            AmlValue v = body.run();
            return new Evaluation(path, Evaluation.Outcome.COMPLETED,
                    v == null || v instanceof AmlValue.Uninitialized ? null : v, c.accesses, c.diagnostics,
                    c.unknowns, null);
        } catch (BudgetHit h) {
            finding(Severity.ERROR, null, "evaluation of %s stopped: %s budget exceeded in %s", path,
                    h.limit.label(), h.where);
            return new Evaluation(path, Evaluation.Outcome.BUDGET_EXCEEDED, null, c.accesses, c.diagnostics,
                    c.unknowns, h.limit);
        } catch (AmlError e) {
            finding(Severity.ERROR, null, "evaluation of %s failed: %s", path, e.getMessage());
            return new Evaluation(path, Evaluation.Outcome.ERROR, null, c.accesses, c.diagnostics, c.unknowns, null);
        } catch (RuntimeException e) {
            // A defect of the interpreter on unexpected AML must not escape to the caller: report it instead.
            finding(Severity.ERROR, null, "evaluation of %s failed: internal error %s", path, e);
            return new Evaluation(path, Evaluation.Outcome.ERROR, null, c.accesses, c.diagnostics, c.unknowns, null);
        } catch (StackOverflowError e) {
            finding(Severity.ERROR, null, "evaluation of %s stopped: the Java stack ran out", path);
            return new Evaluation(path, Evaluation.Outcome.BUDGET_EXCEEDED, null, c.accesses, c.diagnostics,
                    c.unknowns, Budget.Limit.NESTING);
        } finally {
            cx = saved;
        }
    }

    private void step(Frame f) {
        Context c = cx;
        c.steps++;
        if (c.steps > budget.maxSteps()) {
            throw new BudgetHit(Budget.Limit.STEPS, where(f));
        }
        if ((c.steps & 0x3FF) == 0 && System.nanoTime() > c.deadline) {
            throw new BudgetHit(Budget.Limit.WALL_CLOCK, where(f));
        }
    }

    private void enter(Frame f) {
        if (++cx.nesting > budget.maxNesting()) {
            cx.nesting--;
            throw new BudgetHit(Budget.Limit.NESTING, where(f));
        }
    }

    private void exit() {
        cx.nesting--;
    }

    private static String where(Frame f) {
        return f == null ? "module-level code" : f.scope.path();
    }

    private void checkSize(long bytes, Frame f, String what) {
        if (bytes < 0 || bytes > budget.maxObjectBytes()) {
            throw new BudgetHit(Budget.Limit.OBJECT_SIZE, where(f) + " (" + what + " of " + Long.toUnsignedString(
                    bytes) + " bytes, limit " + budget.maxObjectBytes() + ")");
        }
    }

    private void finding(Severity severity, Frame f, String format, Object... args) {
        AmlSource src = f == null ? cx.rootSource : f.scope.sourceOrNull();
        String table = src == null ? "" : src.table();
        int instance = src == null ? 0 : src.instance();
        long offset = src == null ? -1 : f == null ? src.offset() : f.offset;
        cx.diagnostics.add(new Diagnostic(table, instance, offset, severity, String.format(format, args)));
    }

    private void unknown(String reason) {
        cx.unknownCount++;
        cx.lastUnknown = reason;
        if (cx.unknowns.size() < 64) {
            cx.unknowns.add(reason);
        }
    }

    // ---- methods ----------------------------------------------------------------------------------------------

    private AmlValue invoke(NamespaceNode method, AmlValue[] args) {
        AmlObject.Method m = (AmlObject.Method) method.object();
        if (method.sourceOrNull() == null) {
            return predefined(method, args);
        }
        if (cx.callDepth >= budget.maxCallDepth()) {
            throw new BudgetHit(Budget.Limit.CALL_DEPTH, method.path());
        }
        List<Stmt> body = body(method, m);
        Frame f = new Frame(method);
        for (int i = 0; i < Math.min(args.length, 7); i++) {
            f.args[i] = args[i];
        }
        cx.callDepth++;
        enter(f);
        try {
            exec(body, f);
            return f.result == null ? new AmlValue.Uninitialized() : f.result;
        } finally {
            exit();
            cx.callDepth--;
        }
    }

    private List<Stmt> body(NamespaceNode method, AmlObject.Method m) {
        List<Stmt> body = bodies.get(method);
        if (body == null) {
            AmlSource src = method.sourceOrNull();
            RawTable t = tables.get(key(src.table(), src.instance()));
            if (t == null) {
                throw new AmlError("the table " + src.table() + " holding " + method.path() + " was not given");
            }
            body = new BodyParser(t.bytes(), ns, integers64).parse(method, m.bodyOffset(), m.bodyLength());
            bodies.put(method, body);
        }
        return body;
    }

    /** The predefined methods: {@code \_OSI} as Linux answers it. */
    private AmlValue predefined(NamespaceNode method, AmlValue[] args) {
        if (method.segment().equals("_OSI") && args.length == 1) {
            return new AmlValue.Int(OSI_TRUE.contains(toStr(args[0], null)) ? ones : 0);
        }
        return new AmlValue.Int(0);
    }

    private Flow exec(List<Stmt> list, Frame f) {
        for (Stmt s : list) {
            Flow flow = exec(s, f);
            if (flow != Flow.NEXT) {
                return flow;
            }
        }
        return Flow.NEXT;
    }

    private Flow exec(Stmt s, Frame f) {
        step(f);
        f.offset = s.offset();
        if (s instanceof Stmt.Eval e) {
            return statement(e.term(), f);
        }
        if (s instanceof Stmt.If i) {
            enter(f);
            try {
                return truthy(eval(i.predicate(), f), f) ? exec(i.then(), f) : exec(i.otherwise(), f);
            } finally {
                exit();
            }
        }
        if (s instanceof Stmt.While w) {
            enter(f);
            try {
                while (true) {
                    step(f);
                    f.offset = w.offset();
                    if (!truthy(eval(w.predicate(), f), f)) {
                        return Flow.NEXT;
                    }
                    Flow flow = exec(w.body(), f);
                    if (flow == Flow.BREAK) {
                        return Flow.NEXT;
                    }
                    if (flow == Flow.RETURN) {
                        return flow;
                    }
                }
            } finally {
                exit();
            }
        }
        if (s instanceof Stmt.Declare d) {
            declare(d, f);
            return Flow.NEXT;
        }
        if (s instanceof Stmt.Block b) {
            return exec(b.body(), f);
        }
        if (s instanceof Stmt.Scope sc) {
            exec(sc.body(), new Frame(sc.scope()));
            return Flow.NEXT;
        }
        if (s instanceof Stmt.Unsupported u) {
            finding(Severity.INFO, f, "unsupported in %s: %s; skipped", f.scope.path(), u.what());
            return Flow.NEXT;
        }
        throw new AmlError("AML parse error in " + f.scope.path() + String.format(" at 0x%X: ", s.offset())
                + ((Stmt.Fault) s).message());
    }

    private Flow statement(AmlTerm t, Frame f) {
        if (t instanceof AmlTerm.Operation op) {
            switch (op.opcode()) {
                case RETURN:
                    f.result = copyValue(resolveValue(eval(op.operands().get(0), f), f));
                    return Flow.RETURN;
                case BREAK:
                    return Flow.BREAK;
                case CONTINUE:
                    return Flow.CONTINUE;
                default:
                    break;
            }
        }
        eval(t, f);
        return Flow.NEXT;
    }

    private void declare(Stmt.Declare d, Frame f) {
        String seg = d.name().lastSegment();
        if (d.name().segments().size() != 1 || d.name().rooted() || d.name().parentPrefixes() > 0) {
            finding(Severity.INFO, f, "%s declared inside %s with a path (%s): not modelled", kind(d.object()),
                    f.scope.path(), d.name());
            return;
        }
        if (f.declared.containsKey(seg)) {
            throw new AmlError(d.name() + " already exists in " + f.scope.path() + " (AE_ALREADY_EXISTS)");
        }
        NamespaceNode node = new NamespaceNode(seg, f.scope, d.object(), f.scope.sourceOrNull() == null ? null
                : new AmlSource(f.scope.sourceOrNull().table(), f.scope.sourceOrNull().instance(), d.offset()),
                false);
        f.declared.put(seg, node);
        AmlObject o = d.object();
        if (o instanceof AmlObject.Name n) {
            f.values.put(node, copyValue(eval(n.value(), f)));
        } else if (o instanceof AmlObject.BufferField bf) {
            f.slices.put(node, slice(bf, f));
        } else if (o instanceof AmlObject.OperationRegion) {
            f.regions.put(node, evaluateRegion(node, f));
        }
    }

    private static String kind(AmlObject o) {
        return o.getClass().getSimpleName();
    }

    // ---- names --------------------------------------------------------------------------------------------------

    /** Resolves a name from a frame's scope: the method's own declared objects first, then the namespace. */
    private NamespaceNode resolve(AmlName name, Frame f, NamespaceNode scope) {
        if (f != null && !f.declared.isEmpty() && name.searchable()) {
            NamespaceNode local = f.declared.get(name.lastSegment());
            if (local != null) {
                return local;
            }
        }
        NamespaceNode n = ns.resolveOrNull(scope, name);
        if (n == null) {
            throw new AmlError(name + " not found from " + scope.path() + " (AE_NOT_FOUND)");
        }
        return follow(n);
    }

    private NamespaceNode resolve(AmlName name, Frame f) {
        return resolve(name, f, f.scope);
    }

    private NamespaceNode follow(NamespaceNode n) {
        if (!(n.object() instanceof AmlObject.Alias)) {
            return n;
        }
        return ns.followAlias(n).orElseThrow(() -> new AmlError("Alias " + n.path()
                + " stands for no object (missing target or a cycle)"));
    }

    /** The value of a named object: data, a field read, or a reference to a non-data object. */
    private AmlValue read(NamespaceNode named, Frame f) {
        NamespaceNode node = follow(named);
        AmlObject o = node.object();
        if (o instanceof AmlObject.Name n) {
            return nameValue(node, n, f);
        }
        if (o instanceof AmlObject.FieldUnit fu) {
            return readField(node, fu, f);
        }
        if (o instanceof AmlObject.BufferField bf) {
            return readSlice(slice(node, bf, f));
        }
        if (o instanceof AmlObject.Method) {
            return invoke(node, new AmlValue[0]);
        }
        return new AmlValue.Reference(node);
    }

    private AmlValue nameValue(NamespaceNode node, AmlObject.Name n, Frame f) {
        if (f != null) {
            AmlValue v = f.values.get(node);
            if (v != null) {
                return v;
            }
        }
        AmlValue v = globals.get(node);
        if (v != null) {
            return v;
        }
        if (!initializing.add(node)) {
            throw new AmlError("Name " + node.path() + " resolves to itself");
        }
        try {
            Frame init = new Frame(node.parentOrNull() == null ? node : node.parentOrNull());
            init.offset = node.sourceOrNull() == null ? -1 : (int) node.sourceOrNull().offset();
            AmlTerm term = n.value();
            if (term instanceof AmlTerm.NameRef r) {
                v = read(resolve(r.name(), init), init);
            } else {
                v = eval(term, init);
            }
            globals.put(node, v);
            return v;
        } finally {
            initializing.remove(node);
        }
    }

    // ---- terms ---------------------------------------------------------------------------------------------------

    private AmlValue eval(AmlTerm t, Frame f) {
        if (t instanceof AmlTerm.IntegerConst i) {
            return new AmlValue.Int(i.value() & ones);
        }
        if (t instanceof AmlTerm.StringConst s) {
            return new AmlValue.Str(s.value());
        }
        if (t instanceof AmlTerm.Local l) {
            AmlValue v = f.locals[l.index()];
            if (v == null) {
                throw new AmlError("Local" + l.index() + " read before anything was stored in it in "
                        + f.scope.path());
            }
            return v;
        }
        if (t instanceof AmlTerm.Arg a) {
            AmlValue v = f.args[a.index()];
            if (v == null) {
                throw new AmlError("Arg" + a.index() + " of " + f.scope.path() + " was not passed");
            }
            return v;
        }
        step(f);
        enter(f);
        try {
            if (t instanceof AmlTerm.NameRef r) {
                return read(resolve(r.name(), f), f);
            }
            if (t instanceof AmlTerm.MethodCall c) {
                return call(c, f);
            }
            if (t instanceof AmlTerm.BufferData b) {
                return buffer(b, f);
            }
            if (t instanceof AmlTerm.PackageData p) {
                return pack(p, f);
            }
            if (t instanceof AmlTerm.Operation op) {
                return operation(op, f);
            }
            return new AmlValue.Uninitialized();
        } finally {
            exit();
        }
    }

    private AmlValue call(AmlTerm.MethodCall c, Frame f) {
        NamespaceNode node = resolve(c.name(), f);
        AmlValue[] args = new AmlValue[c.arguments().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = eval(c.arguments().get(i), f);
        }
        if (node.object() instanceof AmlObject.Method) {
            return invoke(node, args);
        }
        return read(node, f);
    }

    private AmlValue buffer(AmlTerm.BufferData b, Frame f) {
        long size = toInt(eval(b.size(), f), f);
        byte[] init = b.initializer();
        long n = size < 0 ? size : Math.max(size, init.length);
        checkSize(n, f, "Buffer");
        byte[] data = new byte[(int) n];
        System.arraycopy(init, 0, data, 0, init.length);
        return new AmlValue.Buffer(data);
    }

    private AmlValue pack(AmlTerm.PackageData p, Frame f) {
        long count = toInt(eval(p.count(), f), f);
        long n = count < 0 ? count : Math.max(count, p.elements().size());
        checkSize(n < 0 || n > Integer.MAX_VALUE ? -1 : n * 8, f, "Package");
        AmlValue[] elements = new AmlValue[(int) n];
        for (int i = 0; i < elements.length; i++) {
            if (i < p.elements().size()) {
                AmlTerm e = p.elements().get(i);
                elements[i] = e instanceof AmlTerm.NameRef r ? packageName(r, f) : eval(e, f);
            } else {
                elements[i] = new AmlValue.Uninitialized();
            }
        }
        return new AmlValue.Package(elements);
    }

    /** A name inside a package is a reference to the object, or its path as a string when nothing is there. */
    private AmlValue packageName(AmlTerm.NameRef r, Frame f) {
        NamespaceNode n = ns.resolveOrNull(f.scope, r.name());
        if (n == null) {
            return new AmlValue.Str(r.name().toString());
        }
        return new AmlValue.Reference(n);
    }

    private AmlValue operation(AmlTerm.Operation op, Frame f) {
        List<AmlTerm> o = op.operands();
        switch (op.opcode()) {
            case STORE: {
                AmlValue v = resolveValue(eval(o.get(0), f), f);
                store(o.get(1), v, f);
                return v;
            }
            case COPY_OBJECT: {
                AmlValue v = resolveValue(eval(o.get(0), f), f);
                copyObject(o.get(1), v, f);
                return v;
            }
            case ADD: case SUBTRACT: case MULTIPLY: case SHIFT_LEFT: case SHIFT_RIGHT: case AND: case NAND:
            case OR: case NOR: case XOR: case MOD:
                return result(binary(op.opcode(), toInt(eval(o.get(0), f), f), toInt(eval(o.get(1), f), f), f),
                        o.get(2), f);
            case DIVIDE: {
                long a = toInt(eval(o.get(0), f), f);
                long b = toInt(eval(o.get(1), f), f);
                if (b == 0) {
                    throw new AmlError("Divide by zero (AE_AML_DIVIDE_BY_ZERO) in " + f.scope.path());
                }
                store(o.get(2), new AmlValue.Int(Long.remainderUnsigned(a, b)), f);
                return result(Long.divideUnsigned(a, b), o.get(3), f);
            }
            case NOT:
                return result(~toInt(eval(o.get(0), f), f), o.get(1), f);
            case FIND_SET_LEFT_BIT: {
                long v = toInt(eval(o.get(0), f), f);
                return result(v == 0 ? 0 : 64 - Long.numberOfLeadingZeros(v), o.get(1), f);
            }
            case FIND_SET_RIGHT_BIT: {
                long v = toInt(eval(o.get(0), f), f);
                return result(v == 0 ? 0 : Long.numberOfTrailingZeros(v) + 1, o.get(1), f);
            }
            case INCREMENT: case DECREMENT: {
                long v = toInt(eval(o.get(0), f), f) + (op.opcode() == AmlOpcode.INCREMENT ? 1 : -1);
                AmlValue r = new AmlValue.Int(v & ones);
                store(o.get(0), r, f);
                return r;
            }
            case LAND:
                return bool(truthy(eval(o.get(0), f), f) && truthy(eval(o.get(1), f), f));
            case LOR:
                return bool(truthy(eval(o.get(0), f), f) || truthy(eval(o.get(1), f), f));
            case LNOT:
                return bool(!truthy(eval(o.get(0), f), f));
            case LEQUAL:
                return bool(compare(eval(o.get(0), f), eval(o.get(1), f), f) == 0);
            case LGREATER:
                return bool(compare(eval(o.get(0), f), eval(o.get(1), f), f) > 0);
            case LLESS:
                return bool(compare(eval(o.get(0), f), eval(o.get(1), f), f) < 0);
            case REF_OF:
                return refOf(o.get(0), f);
            case COND_REF_OF: {
                AmlTerm s = o.get(0);
                if (s instanceof AmlTerm.NameRef r) {
                    NamespaceNode n = f.declared.get(r.name().lastSegment());
                    if (n == null || !r.name().searchable()) {
                        n = ns.resolveOrNull(f.scope, r.name());
                    }
                    if (n == null) {
                        return new AmlValue.Int(0);
                    }
                    store(o.get(1), new AmlValue.Reference(follow(n)), f);
                    return new AmlValue.Int(ones);
                }
                store(o.get(1), refOf(s, f), f);
                return new AmlValue.Int(ones);
            }
            case DEREF_OF:
                return derefOf(eval(o.get(0), f), f);
            case INDEX:
                return result(index(eval(o.get(0), f), toInt(eval(o.get(1), f), f), f), o.get(2), f);
            case SIZE_OF:
                return new AmlValue.Int(sizeOf(resolveValue(eval(o.get(0), f), f), f));
            case OBJECT_TYPE:
                return new AmlValue.Int(objectType(o.get(0), f));
            case MATCH:
                return match(o, f);
            case CONCATENATE:
                return result(concatenate(eval(o.get(0), f), eval(o.get(1), f), f), o.get(2), f);
            case CONCATENATE_RES_TEMPLATE:
                return result(concatResTemplate(toBuf(eval(o.get(0), f), f), toBuf(eval(o.get(1), f), f), f),
                        o.get(2), f);
            case TO_INTEGER:
                return result(toIntegerExplicit(resolveValue(eval(o.get(0), f), f), f), o.get(1), f);
            case TO_BUFFER:
                return result(new AmlValue.Buffer(toBuf(eval(o.get(0), f), f)), o.get(1), f);
            case TO_HEX_STRING:
                return result(new AmlValue.Str(toHexString(resolveValue(eval(o.get(0), f), f), f)), o.get(1), f);
            case TO_DECIMAL_STRING:
                return result(new AmlValue.Str(toDecimalString(resolveValue(eval(o.get(0), f), f), f)), o.get(1),
                        f);
            case TO_STRING:
                return result(toStringOp(toBuf(eval(o.get(0), f), f), toInt(eval(o.get(1), f), f)), o.get(2), f);
            case MID:
                return result(mid(resolveValue(eval(o.get(0), f), f), toInt(eval(o.get(1), f), f),
                        toInt(eval(o.get(2), f), f), f), o.get(3), f);
            case FROM_BCD:
                return result(fromBcd(toInt(eval(o.get(0), f), f)), o.get(1), f);
            case TO_BCD:
                return result(toBcd(toInt(eval(o.get(0), f), f)), o.get(1), f);
            case NOTIFY:
                eval(o.get(1), f);
                return new AmlValue.Uninitialized();
            case STALL: case SLEEP:
                eval(o.get(0), f);
                return new AmlValue.Uninitialized();
            case ACQUIRE: case WAIT:
                return new AmlValue.Int(0);
            case SIGNAL: case RESET: case RELEASE: case NOOP: case BREAK_POINT: case DEBUG:
                return new AmlValue.Uninitialized();
            case REVISION:
                return new AmlValue.Int(ACPICA_REVISION);
            case TIMER:
                unknown("Timer read in " + f.scope.path());
                return new AmlValue.Int(0);
            case FATAL:
                finding(Severity.WARNING, f, "Fatal (type 0x%X, code 0x%X) executed in %s; continued as Linux does",
                        o.get(0).literal().orElse(0), o.get(1).literal().orElse(0), f.scope.path());
                return new AmlValue.Uninitialized();
            case LOAD: case LOAD_TABLE: case UNLOAD:
                finding(Severity.INFO, f, "unsupported in %s: %s (tables are not loaded at run time); it returned "
                        + "Zero", f.scope.path(), op.opcode().mnemonic());
                unknown(op.opcode().mnemonic() + " in " + f.scope.path());
                return new AmlValue.Int(0);
            default:
                throw new AmlError(op.opcode().mnemonic() + " used as a value in " + f.scope.path());
        }
    }

    private long binary(AmlOpcode op, long a, long b, Frame f) {
        int width = integers64 ? 64 : 32;
        return switch (op) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case SHIFT_LEFT -> Long.compareUnsigned(b, width) >= 0 ? 0 : a << b;
            case SHIFT_RIGHT -> Long.compareUnsigned(b, width) >= 0 ? 0 : a >>> b;
            case AND -> a & b;
            case NAND -> ~(a & b);
            case OR -> a | b;
            case NOR -> ~(a | b);
            case XOR -> a ^ b;
            default -> {
                if (b == 0) {
                    throw new AmlError("Mod by zero (AE_AML_DIVIDE_BY_ZERO) in " + f.scope.path());
                }
                yield Long.remainderUnsigned(a, b);
            }
        };
    }

    private AmlValue result(long v, AmlTerm target, Frame f) {
        return result(new AmlValue.Int(v & ones), target, f);
    }

    private AmlValue result(AmlValue v, AmlTerm target, Frame f) {
        store(target, v, f);
        return v;
    }

    private AmlValue bool(boolean b) {
        return new AmlValue.Int(b ? ones : 0);
    }

    // ---- stores -----------------------------------------------------------------------------------------------

    private void store(AmlTerm target, AmlValue v, Frame f) {
        if (target instanceof AmlTerm.NoTarget) {
            return;
        }
        if (target instanceof AmlTerm.Local l) {
            f.locals[l.index()] = copyValue(v);
            return;
        }
        if (target instanceof AmlTerm.Arg a) {
            AmlValue cur = f.args[a.index()];
            if (cur instanceof AmlValue.Reference || cur instanceof AmlValue.ElementRef) {
                storeThrough(cur, v, f);
            } else {
                f.args[a.index()] = copyValue(v);
            }
            return;
        }
        if (target instanceof AmlTerm.NameRef r) {
            storeToNode(resolve(r.name(), f), v, f);
            return;
        }
        if (target instanceof AmlTerm.Operation op && op.opcode() == AmlOpcode.DEBUG) {
            return;
        }
        if (target instanceof AmlTerm.MethodCall c && c.arguments().isEmpty()) {
            storeToNode(resolve(c.name(), f), v, f);
            return;
        }
        storeThrough(eval(target, f), v, f);
    }

    private void storeThrough(AmlValue ref, AmlValue v, Frame f) {
        if (ref instanceof AmlValue.Reference r) {
            storeToNode(r.node(), v, f);
        } else if (ref instanceof AmlValue.ElementRef e) {
            if (e.container() instanceof AmlValue.Buffer b) {
                b.data[e.index()] = (byte) toInt(v, f);
            } else if (e.container() instanceof AmlValue.Package p) {
                p.elements[e.index()] = copyValue(v);
            } else {
                throw new AmlError("store into an element of a " + e.container().type() + " in " + f.scope.path());
            }
        } else {
            throw new AmlError("store to a " + ref.type() + " that is not a reference in " + f.scope.path());
        }
    }

    private void storeToNode(NamespaceNode node, AmlValue v, Frame f) {
        AmlObject o = node.object();
        if (o instanceof AmlObject.FieldUnit fu) {
            writeField(node, fu, v, f);
            return;
        }
        if (o instanceof AmlObject.BufferField bf) {
            writeSlice(slice(node, bf, f), v, f);
            return;
        }
        if (!(o instanceof AmlObject.Name n)) {
            throw new AmlError("store to " + node.path() + ", a " + node.type() + " (AE_AML_OPERAND_TYPE)");
        }
        AmlValue cur = nameValue(node, n, f);
        AmlValue converted;
        if (cur instanceof AmlValue.Int) {
            converted = new AmlValue.Int(toInt(v, f));
        } else if (cur instanceof AmlValue.Str) {
            converted = new AmlValue.Str(toStr(v, f));
        } else if (cur instanceof AmlValue.Buffer b && !(v instanceof AmlValue.Package)) {
            byte[] src = toBuf(v, f);
            Arrays.fill(b.data, (byte) 0);
            System.arraycopy(src, 0, b.data, 0, Math.min(src.length, b.data.length));
            return;
        } else {
            converted = copyValue(v);
        }
        if (f != null && f.values.containsKey(node)) {
            f.values.put(node, converted);
        } else {
            globals.put(node, converted);
        }
    }

    private void copyObject(AmlTerm target, AmlValue v, Frame f) {
        if (target instanceof AmlTerm.NameRef r) {
            NamespaceNode node = resolve(r.name(), f);
            if (node.object() instanceof AmlObject.Name) {
                if (f.values.containsKey(node)) {
                    f.values.put(node, copyValue(v));
                } else {
                    globals.put(node, copyValue(v));
                }
                return;
            }
        }
        store(target, v, f);
    }

    private AmlValue copyValue(AmlValue v) {
        if (v instanceof AmlValue.Buffer b) {
            return new AmlValue.Buffer(b.data.clone());
        }
        if (v instanceof AmlValue.Package p) {
            AmlValue[] e = new AmlValue[p.elements.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = copyValue(p.elements[i]);
            }
            return new AmlValue.Package(e);
        }
        return v;
    }

    // ---- references ---------------------------------------------------------------------------------------------

    private AmlValue refOf(AmlTerm s, Frame f) {
        if (s instanceof AmlTerm.NameRef r) {
            return new AmlValue.Reference(resolve(r.name(), f));
        }
        if (s instanceof AmlTerm.MethodCall c && c.arguments().isEmpty()) {
            return new AmlValue.Reference(resolve(c.name(), f));
        }
        return eval(s, f);
    }

    private AmlValue derefOf(AmlValue v, Frame f) {
        if (v instanceof AmlValue.Reference r) {
            return read(r.node(), f);
        }
        if (v instanceof AmlValue.ElementRef e) {
            return element(e);
        }
        if (v instanceof AmlValue.Str s) {
            AmlName name;
            try {
                name = AmlName.parse(s.value());
            } catch (IllegalArgumentException e) {
                throw new AmlError("DerefOf the string \"" + s.value() + "\", which is no name, in " + f.scope.path());
            }
            return read(resolve(name, f), f);
        }
        throw new AmlError("DerefOf a " + v.type() + " in " + f.scope.path());
    }

    private static AmlValue element(AmlValue.ElementRef e) {
        if (e.container() instanceof AmlValue.Buffer b) {
            return new AmlValue.Int(b.data[e.index()] & 0xFF);
        }
        if (e.container() instanceof AmlValue.Package p) {
            return p.elements[e.index()];
        }
        AmlValue.Str s = (AmlValue.Str) e.container();
        return new AmlValue.Int(s.value().charAt(e.index()) & 0xFF);
    }

    /** An operand used as a value: Index references give their element, RefOf references the object's value. */
    private AmlValue resolveValue(AmlValue v, Frame f) {
        if (v instanceof AmlValue.ElementRef e) {
            return element(e);
        }
        return v;
    }

    private AmlValue index(AmlValue src, long i, Frame f) {
        AmlValue c = resolveValue(src, f);
        if (c instanceof AmlValue.Reference r) {
            c = read(r.node(), f);
        }
        long size = c instanceof AmlValue.Buffer b ? b.data.length : c instanceof AmlValue.Package p
                ? p.elements.length : c instanceof AmlValue.Str s ? s.value().length() : -1;
        if (size < 0) {
            throw new AmlError("Index into a " + c.type() + " in " + f.scope.path());
        }
        if (i < 0 || i >= size) {
            throw new AmlError(String.format("Index %d past the end of a %d-element %s in %s "
                    + "(AE_AML_PACKAGE_LIMIT)", i, size, c.type(), f.scope.path()));
        }
        return new AmlValue.ElementRef(c, (int) i);
    }

    private long sizeOf(AmlValue v, Frame f) {
        AmlValue x = v instanceof AmlValue.Reference r ? read(r.node(), f) : v;
        if (x instanceof AmlValue.Buffer b) {
            return b.data.length;
        }
        if (x instanceof AmlValue.Str s) {
            return s.value().length();
        }
        if (x instanceof AmlValue.Package p) {
            return p.elements.length;
        }
        throw new AmlError("SizeOf a " + x.type() + " in " + f.scope.path());
    }

    private long objectType(AmlTerm s, Frame f) {
        if (s instanceof AmlTerm.NameRef || s instanceof AmlTerm.MethodCall) {
            AmlName name = s instanceof AmlTerm.NameRef r ? r.name() : ((AmlTerm.MethodCall) s).name();
            NamespaceNode n = resolve(name, f);
            if (n.object() instanceof AmlObject.Name nm) {
                return nameValue(n, nm, f).type().code();
            }
            return Math.max(0, n.type().code());
        }
        AmlValue v = eval(s, f);
        if (v instanceof AmlValue.Reference r) {
            return Math.max(0, r.type().code());
        }
        return Math.max(0, resolveValue(v, f).type().code());
    }

    private AmlValue match(List<AmlTerm> o, Frame f) {
        AmlValue src = resolveValue(eval(o.get(0), f), f);
        if (!(src instanceof AmlValue.Package p)) {
            throw new AmlError("Match on a " + src.type() + " in " + f.scope.path());
        }
        int op1 = (int) o.get(1).literal().orElse(0);
        AmlValue v1 = eval(o.get(2), f);
        int op2 = (int) o.get(3).literal().orElse(0);
        AmlValue v2 = eval(o.get(4), f);
        long start = toInt(eval(o.get(5), f), f);
        for (long i = start; i >= 0 && i < p.elements.length; i++) {
            step(f);
            AmlValue e = p.elements[(int) i];
            if (!(e instanceof AmlValue.Int || e instanceof AmlValue.Str || e instanceof AmlValue.Buffer)) {
                continue;
            }
            if (matches(e, op1, v1, f) && matches(e, op2, v2, f)) {
                return new AmlValue.Int(i);
            }
        }
        return new AmlValue.Int(ones);
    }

    private boolean matches(AmlValue e, int op, AmlValue v, Frame f) {
        if (op == 0) {
            return true;
        }
        int c = compare(e, v, f);
        return switch (op) {
            case 1 -> c == 0;
            case 2 -> c <= 0;
            case 3 -> c < 0;
            case 4 -> c >= 0;
            case 5 -> c > 0;
            default -> false;
        };
    }

    // ---- conversions ----------------------------------------------------------------------------------------------

    private boolean truthy(AmlValue v, Frame f) {
        return toInt(v, f) != 0;
    }

    /** Implicit conversion to Integer (ACPI 6.5 section 19.3.5.7): strings as hex, buffers little-endian. */
    private long toInt(AmlValue v, Frame f) {
        if (v instanceof AmlValue.Int i) {
            return i.value();
        }
        if (v instanceof AmlValue.Buffer b) {
            int n = Math.min(b.data.length, integers64 ? 8 : 4);
            long r = 0;
            for (int k = 0; k < n; k++) {
                r |= (b.data[k] & 0xFFL) << (8 * k);
            }
            return r;
        }
        if (v instanceof AmlValue.Str s) {
            return parseHex(s.value(), 0);
        }
        if (v instanceof AmlValue.ElementRef e) {
            return toInt(element(e), f);
        }
        if (v instanceof AmlValue.Reference r && f != null) {
            AmlValue x = read(r.node(), f);
            if (!(x instanceof AmlValue.Reference)) {
                return toInt(x, f);
            }
        }
        throw new AmlError("a value of type " + v.type() + " used where an Integer is needed in " + where(f)
                + " (AE_AML_OPERAND_TYPE)");
    }

    private long parseHex(String s, int from) {
        long r = 0;
        int digits = 0;
        for (int i = from; i < s.length() && digits < (integers64 ? 16 : 8); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                break;
            }
            r = r << 4 | d;
            digits++;
        }
        return r;
    }

    private AmlValue toIntegerExplicit(AmlValue v, Frame f) {
        if (v instanceof AmlValue.Str s) {
            String t = s.value().trim();
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return new AmlValue.Int(parseHex(t, 2) & ones);
            }
            long r = 0;
            for (int i = 0; i < t.length() && Character.isDigit(t.charAt(i)); i++) {
                r = r * 10 + (t.charAt(i) - '0');
            }
            return new AmlValue.Int(r & ones);
        }
        return new AmlValue.Int(toInt(v, f) & ones);
    }

    private String toStr(AmlValue v, Frame f) {
        AmlValue x = resolveValue(v, f);
        if (x instanceof AmlValue.Str s) {
            return s.value();
        }
        if (x instanceof AmlValue.Int i) {
            return String.format(integers64 ? "%016X" : "%08X", i.value());
        }
        if (x instanceof AmlValue.Buffer b) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < b.data.length; k++) {
                sb.append(k == 0 ? "" : " ").append(String.format("%02X", b.data[k]));
            }
            return sb.toString();
        }
        if (x instanceof AmlValue.Reference r && f != null) {
            return toStr(read(r.node(), f), f);
        }
        throw new AmlError("a value of type " + x.type() + " used where a String is needed in " + where(f));
    }

    private byte[] toBuf(AmlValue v, Frame f) {
        AmlValue x = resolveValue(v, f);
        if (x instanceof AmlValue.Buffer b) {
            return b.data.clone();
        }
        if (x instanceof AmlValue.Int i) {
            byte[] out = new byte[integers64 ? 8 : 4];
            for (int k = 0; k < out.length; k++) {
                out[k] = (byte) (i.value() >>> (8 * k));
            }
            return out;
        }
        if (x instanceof AmlValue.Str s) {
            byte[] chars = s.value().getBytes(StandardCharsets.ISO_8859_1);
            return chars.length == 0 ? new byte[0] : Arrays.copyOf(chars, chars.length + 1);
        }
        if (x instanceof AmlValue.Reference r && f != null) {
            return toBuf(read(r.node(), f), f);
        }
        throw new AmlError("a value of type " + x.type() + " used where a Buffer is needed in " + where(f));
    }

    private String toHexString(AmlValue v, Frame f) {
        if (v instanceof AmlValue.Int i) {
            return "0x" + Long.toHexString(i.value()).toUpperCase(Locale.ROOT);
        }
        if (v instanceof AmlValue.Buffer b) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < b.data.length; k++) {
                sb.append(k == 0 ? "" : ",").append(String.format("0x%02X", b.data[k]));
            }
            return sb.toString();
        }
        return toStr(v, f);
    }

    private String toDecimalString(AmlValue v, Frame f) {
        if (v instanceof AmlValue.Int i) {
            return Long.toUnsignedString(i.value());
        }
        if (v instanceof AmlValue.Buffer b) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < b.data.length; k++) {
                sb.append(k == 0 ? "" : ",").append(b.data[k] & 0xFF);
            }
            return sb.toString();
        }
        return toStr(v, f);
    }

    private AmlValue toStringOp(byte[] buf, long length) {
        int n = 0;
        long max = length == ones ? buf.length : Math.min(length, buf.length);
        while (n < max && buf[n] != 0) {
            n++;
        }
        return new AmlValue.Str(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
    }

    private AmlValue mid(AmlValue src, long index, long length, Frame f) {
        if (src instanceof AmlValue.Str s) {
            String t = s.value();
            int from = (int) Math.min(Math.max(index, 0), t.length());
            int to = (int) Math.min(t.length(), from + Math.min(Math.max(length, 0), Integer.MAX_VALUE));
            return new AmlValue.Str(t.substring(from, to));
        }
        byte[] b = toBuf(src, f);
        int from = (int) Math.min(Math.max(index, 0), b.length);
        int to = (int) Math.min(b.length, from + Math.min(Math.max(length, 0), Integer.MAX_VALUE));
        return new AmlValue.Buffer(Arrays.copyOfRange(b, from, to));
    }

    private AmlValue concatenate(AmlValue a0, AmlValue b0, Frame f) {
        AmlValue a = resolveValue(a0, f);
        AmlValue b = resolveValue(b0, f);
        if (a instanceof AmlValue.Str s) {
            String r = s.value() + toStr(b, f);
            checkSize(r.length(), f, "String");
            return new AmlValue.Str(r);
        }
        byte[] x = toBuf(a, f);
        byte[] y = toBuf(b instanceof AmlValue.Str s ? new AmlValue.Str(s.value()) : b, f);
        if (b instanceof AmlValue.Str && y.length > 0) {
            y = Arrays.copyOf(y, y.length - 1);
        }
        checkSize((long) x.length + y.length, f, "Buffer");
        byte[] r = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, r, x.length, y.length);
        return new AmlValue.Buffer(r);
    }

    private AmlValue concatResTemplate(byte[] a, byte[] b, Frame f) {
        int la = endTag(a);
        int lb = endTag(b);
        checkSize((long) la + lb + 2, f, "Buffer");
        byte[] r = new byte[la + lb + 2];
        System.arraycopy(a, 0, r, 0, la);
        System.arraycopy(b, 0, r, la, lb);
        r[la + lb] = 0x79;
        return new AmlValue.Buffer(r);
    }

    /** The length of a template before its End Tag (0x79 and a checksum byte), or its whole length. */
    private static int endTag(byte[] t) {
        return t.length >= 2 && (t[t.length - 2] & 0xFF) == 0x79 ? t.length - 2 : t.length;
    }

    private int compare(AmlValue a0, AmlValue b0, Frame f) {
        AmlValue a = resolveValue(a0, f);
        AmlValue b = resolveValue(b0, f);
        if (a instanceof AmlValue.Reference r) {
            a = read(r.node(), f);
        }
        if (a instanceof AmlValue.Str s) {
            return Integer.signum(s.value().compareTo(toStr(b, f)));
        }
        if (a instanceof AmlValue.Buffer x) {
            return Integer.signum(Arrays.compareUnsigned(x.data, toBuf(b, f)));
        }
        return Long.compareUnsigned(toInt(a, f), toInt(b, f));
    }

    private static long fromBcd(long v) {
        long r = 0;
        long scale = 1;
        for (int i = 0; i < 16; i++) {
            r += ((v >>> (4 * i)) & 0xF) * scale;
            scale *= 10;
        }
        return r;
    }

    private static long toBcd(long v) {
        long r = 0;
        long x = v;
        for (int i = 0; i < 16 && x != 0; i++) {
            r |= Long.remainderUnsigned(x, 10) << (4 * i);
            x = Long.divideUnsigned(x, 10);
        }
        return r;
    }

    // ---- buffer fields ---------------------------------------------------------------------------------------------

    private BufferSlice slice(NamespaceNode node, AmlObject.BufferField bf, Frame f) {
        if (f != null) {
            BufferSlice s = f.slices.get(node);
            if (s != null) {
                return s;
            }
        }
        BufferSlice s = bufferFields.get(node);
        if (s == null) {
            Frame init = new Frame(node.parentOrNull());
            s = slice(bf, init);
            bufferFields.put(node, s);
        }
        return s;
    }

    private BufferSlice slice(AmlObject.BufferField bf, Frame f) {
        AmlValue src = eval(bf.source(), f);
        if (src instanceof AmlValue.Reference r) {
            src = read(r.node(), f);
        }
        if (!(src instanceof AmlValue.Buffer buf)) {
            throw new AmlError("CreateField on a " + src.type() + " in " + f.scope.path());
        }
        long index = toInt(eval(bf.index(), f), f);
        long bitIndex = bf.kind() == AmlObject.BufferFieldKind.BIT || bf.kind() == AmlObject.BufferFieldKind.FIELD
                ? index : index * 8;
        long bits = bf.kind() == AmlObject.BufferFieldKind.FIELD ? toInt(eval(bf.bitCount(), f), f)
                : bf.kind().bits();
        if (bitIndex < 0 || bits <= 0 || bitIndex + bits > (long) buf.data.length * 8) {
            throw new AmlError(String.format("buffer field of %d bits at bit %d does not fit the %d-byte buffer in "
                    + "%s (AE_AML_BUFFER_LIMIT)", bits, bitIndex, buf.data.length, f.scope.path()));
        }
        return new BufferSlice(buf, bitIndex, bits);
    }

    private AmlValue readSlice(BufferSlice s) {
        return bitsValue(s.buffer().data, s.bitIndex(), s.bitLength());
    }

    private AmlValue bitsValue(byte[] data, long bitIndex, long bits) {
        if (bits <= (integers64 ? 64 : 32)) {
            long v = 0;
            for (long i = 0; i < bits; i++) {
                long b = bitIndex + i;
                if ((data[(int) (b >>> 3)] >> (b & 7) & 1) != 0) {
                    v |= 1L << i;
                }
            }
            return new AmlValue.Int(v);
        }
        byte[] out = new byte[(int) ((bits + 7) / 8)];
        for (long i = 0; i < bits; i++) {
            long b = bitIndex + i;
            if ((data[(int) (b >>> 3)] >> (b & 7) & 1) != 0) {
                out[(int) (i >>> 3)] |= (byte) (1 << (i & 7));
            }
        }
        return new AmlValue.Buffer(out);
    }

    private void writeSlice(BufferSlice s, AmlValue v, Frame f) {
        byte[] src = toBuf(v, f);
        byte[] data = s.buffer().data;
        for (long i = 0; i < s.bitLength(); i++) {
            boolean bit = i / 8 < src.length && (src[(int) (i / 8)] >> (i & 7) & 1) != 0;
            long b = s.bitIndex() + i;
            int at = (int) (b >>> 3);
            if (bit) {
                data[at] |= (byte) (1 << (b & 7));
            } else {
                data[at] &= (byte) ~(1 << (b & 7));
            }
        }
    }

    // ---- operation regions and fields ----------------------------------------------------------------------------

    private RegionState regionState(NamespaceNode node, Frame f) {
        if (f != null) {
            RegionState s = f.regions.get(node);
            if (s != null) {
                return s;
            }
        }
        RegionState s = regions.get(node);
        if (s == null) {
            s = evaluateRegion(node, new Frame(node.parentOrNull()));
            regions.put(node, s);
        }
        return s;
    }

    private RegionState evaluateRegion(NamespaceNode node, Frame f) {
        AmlObject o = node.object();
        if (!(o instanceof AmlObject.OperationRegion r)) {
            if (o instanceof AmlObject.DataTableRegion) {
                return new RegionState(AddressSpace.OTHER, -1, 0, 0,
                        "a DataTableRegion: its bytes are an ACPI table, not an address");
            }
            throw new AmlError(node.path() + " is a " + node.type() + ", not an OperationRegion");
        }
        int before = cx.unknownCount;
        int savedOffset = f.offset;
        f.offset = node.sourceOrNull() == null ? -1 : (int) node.sourceOrNull().offset();
        try {
            long base = toInt(eval(r.offset(), f), f);
            long length = toInt(eval(r.length(), f), f);
            if (cx.unknownCount > before) {
                return new RegionState(r.space(), r.spaceId(), base, length, "its operands depend on state the "
                        + "model does not have: " + cx.lastUnknown);
            }
            return new RegionState(r.space(), r.spaceId(), base, length, null);
        } catch (AmlError e) {
            return new RegionState(r.space(), r.spaceId(), 0, 0, "evaluating its operands failed: "
                    + e.getMessage());
        } finally {
            f.offset = savedOffset;
        }
    }

    private NamespaceNode fieldPart(NamespaceNode unit, AmlName name, Frame f) {
        return resolve(name, f, unit.parentOrNull());
    }

    private AmlValue readField(NamespaceNode node, AmlObject.FieldUnit fu, Frame f) {
        long bits = fu.bitLength();
        checkSize((bits + 7) / 8, f, "field " + node.path());
        byte[] data = new byte[(int) ((bits + 7) / 8) + 16];
        transfer(node, fu, data, false, f);
        return bitsValue(data, 0, bits);
    }

    private void writeField(NamespaceNode node, AmlObject.FieldUnit fu, AmlValue v, Frame f) {
        long bits = fu.bitLength();
        checkSize((bits + 7) / 8, f, "field " + node.path());
        byte[] src = toBuf(v, f);
        byte[] data = Arrays.copyOf(src, (int) ((bits + 7) / 8) + 16);
        transfer(node, fu, data, true, f);
    }

    /**
     * Moves a field's bits between {@code data} (bit 0 = the field's first bit) and its region, datum by datum in
     * the access width, recording each access: an IndexField writes the datum's byte offset to its index field and
     * then accesses its data field; a BankField first writes its bank value to the bank field.
     */
    private void transfer(NamespaceNode node, AmlObject.FieldUnit fu, byte[] data, boolean write, Frame f) {
        if (fu.bitLength() <= 0) {
            return;
        }
        int width = accessBits(fu);
        long first = fu.bitOffset() / width;
        long last = (fu.bitOffset() + fu.bitLength() - 1) / width;
        AmlObject.FieldSource src = fu.source();
        NamespaceNode region = null;
        RegionState rs = null;
        if (src instanceof AmlObject.RegionField rf) {
            region = fieldPart(node, rf.region(), f);
            rs = regionState(region, f);
        } else if (src instanceof AmlObject.BankField bank) {
            region = fieldPart(node, bank.region(), f);
            rs = regionState(region, f);
            NamespaceNode bankNode = fieldPart(node, bank.bank(), f);
            Frame scope = new Frame(node.parentOrNull());
            AmlValue bankValue = eval(bank.bankValue(), scope);
            storeToNode(bankNode, bankValue, f);
        }
        if (rs != null && isSerialSpace(rs.space)) {
            // GPIO fields count pins, one bit each; serial-bus style spaces transfer the whole unit at once.
            long offset = rs.space == AddressSpace.GENERAL_PURPOSE_IO ? fu.bitOffset() : fu.bitOffset() / 8;
            access(region, rs, offset, (int) Math.min(Integer.MAX_VALUE, fu.bitLength()), write, f);
            return;
        }
        for (long d = first; d <= last; d++) {
            step(f);
            long datumBit = d * width;
            long lo = Math.max(datumBit, fu.bitOffset());
            long hi = Math.min(datumBit + width, fu.bitOffset() + fu.bitLength());
            long value;
            if (src instanceof AmlObject.IndexField ix) {
                NamespaceNode index = fieldPart(node, ix.index(), f);
                NamespaceNode dataNode = fieldPart(node, ix.data(), f);
                storeToNode(index, new AmlValue.Int(datumBit / 8), f);
                if (write) {
                    long old = partial(lo, hi, datumBit, width) ? toInt(read(dataNode, f), f) : 0;
                    storeToNode(dataNode, new AmlValue.Int(merge(old, data, lo, hi, datumBit, fu)), f);
                    continue;
                }
                value = toInt(read(dataNode, f), f);
            } else {
                long offset = datumBit / 8;
                if (write) {
                    if (partial(lo, hi, datumBit, width) && fu.access().updateRule() == 0) {
                        // Preserve: the bits outside the field are read first (read-modify-write).
                        access(region, rs, offset, width, false, f);
                    }
                    access(region, rs, offset, width, true, f);
                    continue;
                }
                value = access(region, rs, offset, width, false, f);
            }
            for (long b = lo; b < hi; b++) {
                if ((value >>> (b - datumBit) & 1) != 0) {
                    long out = b - fu.bitOffset();
                    data[(int) (out >>> 3)] |= (byte) (1 << (out & 7));
                }
            }
        }
    }

    private static boolean partial(long lo, long hi, long datumBit, int width) {
        return lo > datumBit || hi < datumBit + width;
    }

    private static long merge(long old, byte[] data, long lo, long hi, long datumBit, AmlObject.FieldUnit fu) {
        long v = old;
        for (long b = lo; b < hi; b++) {
            long in = b - fu.bitOffset();
            long mask = 1L << (b - datumBit);
            v = (data[(int) (in >>> 3)] >> (in & 7) & 1) != 0 ? v | mask : v & ~mask;
        }
        return v;
    }

    private static boolean isSerialSpace(AddressSpace s) {
        return s == AddressSpace.SMBUS || s == AddressSpace.IPMI || s == AddressSpace.GENERIC_SERIAL_BUS
                || s == AddressSpace.PLATFORM_COMM_CHANNEL || s == AddressSpace.PLATFORM_RUNTIME_MECHANISM
                || s == AddressSpace.GENERAL_PURPOSE_IO;
    }

    /**
     * The access width of a field in bits: the AccessAs type, or for AnyAcc and BufferAcc the narrowest of 8, 16,
     * 32 and 64 bits whose aligned unit holds the whole field (8 when none does).
     */
    private static int accessBits(AmlObject.FieldUnit fu) {
        switch (fu.access().accessType()) {
            case 1:
                return 8;
            case 2:
                return 16;
            case 3:
                return 32;
            case 4:
                return 64;
            default:
                for (int w = 8; w <= 64; w <<= 1) {
                    if (fu.bitOffset() / w == (fu.bitOffset() + fu.bitLength() - 1) / w) {
                        return w;
                    }
                }
                return 8;
        }
    }

    /** Records one access and returns what a read gives: the memory model's value, else 0 (unknown). */
    private long access(NamespaceNode region, RegionState rs, long offset, int width, boolean write, Frame f) {
        if (rs.spaceId == -1) {
            // A DataTableRegion: its fields read an ACPI table's bytes, which the model does not hold.
            unknown("a read of " + region.path() + ", a DataTableRegion");
            return 0;
        }
        boolean resolved = rs.reason == null;
        long address = resolved ? rs.base + offset : offset;
        String by = f != null && f.scope.object() instanceof AmlObject.Method ? f.scope.path() : cx.rootPath;
        cx.accesses.add(new RegionAccess(region.path(), rs.space, address, width, write
                ? RegionAccess.Direction.WRITE : RegionAccess.Direction.READ, by, resolved));
        if (write) {
            return 0;
        }
        if (resolved && rs.space == AddressSpace.SYSTEM_MEMORY) {
            OptionalLong v = memory.read(address, width);
            if (v.isPresent()) {
                return v.getAsLong();
            }
        }
        unknown(String.format("a %d-bit read of %s (%s 0x%X) that the memory model does not provide", width,
                region.path(), rs.space, address));
        return 0;
    }

    private static String key(String signature, int instance) {
        return signature + "#" + instance;
    }
}
