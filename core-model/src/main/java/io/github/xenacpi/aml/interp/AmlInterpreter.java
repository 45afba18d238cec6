package io.github.xenacpi.aml.interp;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlSource;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.Namespace;
import io.github.xenacpi.aml.NamespaceNode;
import io.github.xenacpi.aml.parse.AmlParser;
import io.github.xenacpi.aml.parse.Stmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    private final Namespace ns;
    private final List<RawTable> loadOrder = new ArrayList<>();
    private final IntegerWidth width;
    private final MethodBodies bodies;
    private final Meter meter;
    private final EvaluationLog log = new EvaluationLog();
    private final Evaluator evaluator;
    /** The evaluations a run-time error aborted, in order. */
    private final List<Diagnostic> failures = new ArrayList<>();
    /** The evaluations a limit stopped, in order. */
    private final List<BudgetStop> stops = new ArrayList<>();
    /** Index in {@link #stops} of the stop that spent a platform-wide limit (nothing runs after it); -1 while none. */
    private int spentBy = -1;
    /** Evaluations not run since a platform-wide limit was spent. */
    private int skipped;
    /** The definition blocks ({@code SIG#instance}) the loader said anything about: parsed in full at module level. */
    private final Set<String> loadDiagnosed = new HashSet<>();

    /**
     * An interpreter over the namespace loaded from {@code tables} (the same DSDT and SSDTs, for the method bodies).
     * Integers are 64-bit unless the DSDT's revision is below 2.
     */
    public AmlInterpreter(LoadedNamespace loaded, List<RawTable> tables, MemoryModel memory, Budget budget) {
        this.ns = loaded.namespace();
        for (Diagnostic d : loaded.diagnostics()) {
            loadDiagnosed.add(d.table() + "#" + d.instance());
        }
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
        this.width = IntegerWidth.of(tables);
        this.bodies = new MethodBodies(ns, tables, width);
        this.meter = new Meter(budget, ns.nodes().size());
        this.evaluator =
                new Evaluator(new NamedObjects(ns), bodies, meter, log, new ModelledAddressSpaces(memory, log), width);
    }

    /** The namespace evaluated. */
    public Namespace namespace() {
        return ns;
    }

    /** The definition blocks in the order the loader loads them: the DSDT, then the SSDTs as given. */
    public List<RawTable> definitionBlocks() {
        return List.copyOf(loadOrder);
    }

    /**
     * Every evaluation a budget limit stopped so far, in order; a platform-wide limit's stop counts the evaluations
     * not run after it.
     */
    public List<BudgetStop> budgetStops() {
        return List.copyOf(stops);
    }

    /**
     * Every evaluation so far that an AML run-time error aborted (an object not found, an operand of the wrong type,
     * a body that does not decode, ...), as ACPICA aborts the method and its callers: one error each, at the
     * evaluated object's definition.
     */
    public List<Diagnostic> evaluationFailures() {
        return List.copyOf(failures);
    }

    /**
     * Every method body of the namespace that does not decode, parsed whether or not it ran: one diagnostic per fault,
     * at the byte where decoding stopped (ACPICA parses a body when the method runs and aborts it there). An error
     * when an evaluation so far ran the method (what it does is then missing), a warning when none did.
     */
    public List<Diagnostic> undecodableMethodBodies() {
        List<Diagnostic> out = new ArrayList<>();
        for (NamespaceNode n : ns.nodes()) {
            AmlSource src = n.sourceOrNull();
            if (!(n.object() instanceof AmlObject.Method m) || src == null) {
                continue;
            }
            for (Stmt.Fault f : bodies.faults(n, m)) {
                boolean ran = bodies.ran(n);
                out.add(new Diagnostic(
                        src.table(),
                        src.instance(),
                        f.offset(),
                        ran ? Severity.ERROR : Severity.WARNING,
                        "Method " + n.path() + " does not decode: " + f.message()
                                + (ran ? "; it runs at boot and fails there" : "; it does not run at boot")));
            }
        }
        return out;
    }

    /** Whether integers are 64 bits wide (DSDT revision 2 or above). */
    boolean integers64() {
        return width.wide();
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
            NamespaceNode target = evaluator.follow(node);
            if (target.object() instanceof AmlObject.Method) {
                return evaluator.invoke(target, args.toArray(new AmlValue[0]));
            }
            NamespaceNode parent = target.parentOrNull();
            return evaluator.read(target, new Frame(parent == null ? target : parent));
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
            byte[] b = bodies.bytes(table);
            int length = (int) Math.min(table.size(), Math.max(AmlParser.HEADER_SIZE, u32(b, 4)));
            List<Stmt> code = bodies.parser(b)
                    .parseModuleLevel(
                            ns.root(),
                            AmlParser.HEADER_SIZE,
                            length - AmlParser.HEADER_SIZE,
                            !loadDiagnosed.contains(table.signature() + "#" + table.instance()));
            if (!code.isEmpty()) {
                evaluator.run(code, new Frame(ns.root()));
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
            state[0] = evaluator.region(node);
            return null;
        });
        RegionState s = state[0];
        if (s == null) {
            String why = e.limit() != null
                    ? "the " + e.limit().label() + " budget ran out evaluating its operands"
                    : e.diagnostics().isEmpty()
                            ? "its operands could not be evaluated"
                            : e.diagnostics().get(e.diagnostics().size() - 1).message();
            int spaceId = node.object() instanceof AmlObject.OperationRegion r ? r.spaceId() : -1;
            return new RegionResolution(
                    node.path(),
                    AddressSpace.of(spaceId),
                    spaceId,
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    why,
                    e.accesses());
        }
        return new RegionResolution(
                node.path(),
                s.space(),
                s.spaceId(),
                s.reason() == null ? OptionalLong.of(s.base()) : OptionalLong.empty(),
                s.reason() == null ? OptionalLong.of(s.length()) : OptionalLong.empty(),
                s.reason(),
                e.accesses());
    }

    /**
     * An OperationRegion's evaluated operands: base and length present when resolved, else the reason; and the
     * accesses made while evaluating them (a base read from another region).
     */
    public record RegionResolution(
            String path,
            AddressSpace space,
            int spaceId,
            OptionalLong base,
            OptionalLong length,
            String reason,
            List<RegionAccess> accesses) {
        public RegionResolution {
            accesses = List.copyOf(accesses);
        }

        /** Whether base and length are known. */
        public boolean resolved() {
            return reason == null;
        }
    }

    @FunctionalInterface
    private interface Body {
        AmlValue run();
    }

    private Evaluation run(NamespaceNode node, Body body) {
        return run(node.path(), node.sourceOrNull(), body);
    }

    private Evaluation run(String path, AmlSource source, Body body) {
        if (spentBy >= 0) {
            // A platform-wide limit is spent: nothing more runs; the stop that spent it counts what was not run.
            skipped++;
            stops.set(spentBy, stops.get(spentBy).withSkipped(skipped));
            return new Evaluation(
                    path,
                    Evaluation.Outcome.BUDGET_EXCEEDED,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    stops.get(spentBy).limit());
        }
        meter.begin(path);
        log.begin(path, source);
        try {
            AmlValue v = body.run();
            return evaluation(
                    path,
                    Evaluation.Outcome.COMPLETED,
                    v == null || v instanceof AmlValue.Uninitialized ? null : v,
                    null);
        } catch (BudgetHit h) {
            BudgetStop stop = new BudgetStop(
                    path,
                    h.where,
                    h.limit,
                    h.detail,
                    source == null ? "" : source.table(),
                    source == null ? 0 : source.instance(),
                    source == null ? -1 : source.offset(),
                    0);
            if (h.limit.platformWide()) {
                spentBy = stops.size();
            }
            stops.add(stop);
            log.finding(Severity.ERROR, null, "%s", stop.message());
            return evaluation(path, Evaluation.Outcome.BUDGET_EXCEEDED, null, h.limit);
        } catch (AmlError e) {
            log.finding(Severity.ERROR, null, "evaluation of %s failed: %s", path, e.getMessage());
            failures.add(log.diagnostics().get(log.diagnostics().size() - 1));
            return evaluation(path, Evaluation.Outcome.ERROR, null, null);
        } catch (RuntimeException e) {
            // A defect of the interpreter on unexpected AML must not escape to the caller: report it instead.
            log.finding(Severity.ERROR, null, "evaluation of %s failed: internal error %s", path, e);
            failures.add(log.diagnostics().get(log.diagnostics().size() - 1));
            return evaluation(path, Evaluation.Outcome.ERROR, null, null);
        } catch (StackOverflowError e) {
            BudgetStop stop = new BudgetStop(
                    path,
                    path,
                    Budget.Limit.NESTING,
                    "the Java stack ran out",
                    source == null ? "" : source.table(),
                    source == null ? 0 : source.instance(),
                    source == null ? -1 : source.offset(),
                    0);
            stops.add(stop);
            log.finding(Severity.ERROR, null, "%s", stop.message());
            return evaluation(path, Evaluation.Outcome.BUDGET_EXCEEDED, null, Budget.Limit.NESTING);
        }
    }

    /** The evaluation's result with what its log recorded. */
    private Evaluation evaluation(String path, Evaluation.Outcome outcome, AmlValue value, Budget.Limit limit) {
        return new Evaluation(path, outcome, value, log.accesses(), log.diagnostics(), log.unknowns(), limit);
    }
}
