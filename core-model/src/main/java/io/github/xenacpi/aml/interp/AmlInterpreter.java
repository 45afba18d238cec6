package io.github.xenacpi.aml.interp;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.source.RawTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlSource;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.Namespace;
import io.github.xenacpi.aml.NamespaceNode;
import io.github.xenacpi.aml.parse.AmlParser;
import io.github.xenacpi.aml.parse.BodyParser;
import io.github.xenacpi.aml.parse.Stmt;

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
    private final Budget budget;
    private final boolean integers64;
    private final AmlMachine machine;

    /**
     * An interpreter over the namespace loaded from {@code tables} (the same DSDT and SSDTs, for the method bodies).
     * Integers are 64-bit unless the DSDT's revision is below 2.
     */
    public AmlInterpreter(LoadedNamespace loaded, List<RawTable> tables, MemoryModel memory, Budget budget) {
        this.ns = loaded.namespace();
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
        Map<String, RawTable> byKey = new HashMap<>();
        for (RawTable t : tables) {
            byKey.put(AmlMachine.key(t.signature(), t.instance()), t);
            if (t.signature().equals("DSDT") && t.size() > 8 && t.byteAt(8) < 2) {
                wide = false;
            }
        }
        this.integers64 = wide;
        this.machine = new AmlMachine(ns, byKey, memory, budget, wide);
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
        return List.copyOf(machine.stops);
    }

    /**
     * Every evaluation so far that an AML run-time error aborted (an object not found, an operand of the wrong type,
     * a body that does not decode, ...), as ACPICA aborts the method and its callers: one error each, at the
     * evaluated object's definition.
     */
    public List<Diagnostic> evaluationFailures() {
        return List.copyOf(machine.failures);
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
            byte[] table = machine.bytes(AmlMachine.key(src.table(), src.instance()));
            if (table == null) {
                continue;
            }
            BodyParser parser = new BodyParser(table, ns, integers64);
            parser.parse(n, m.bodyOffset(), m.bodyLength());
            for (Stmt.Fault f : parser.faults()) {
                boolean ran = machine.evaluator.ran(n);
                out.add(new Diagnostic(src.table(), src.instance(), f.offset(), ran ? Severity.ERROR
                        : Severity.WARNING, "Method " + n.path() + " does not decode: " + f.message() + (ran
                        ? "; it runs at boot and fails there" : "; it does not run at boot")));
            }
        }
        return out;
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
            NamespaceNode target = machine.evaluator.follow(node);
            if (target.object() instanceof AmlObject.Method) {
                return machine.evaluator.invoke(target, args.toArray(new AmlValue[0]));
            }
            NamespaceNode parent = target.parentOrNull();
            return machine.evaluator.read(target, new Frame(parent == null ? target : parent));
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
            byte[] b = table.bytes();
            int length = (int) Math.min(table.size(), Math.max(AmlParser.HEADER_SIZE, u32(b, 4)));
            List<Stmt> code = new BodyParser(b, ns, integers64).parseModuleLevel(ns.root(),
                    AmlParser.HEADER_SIZE, length - AmlParser.HEADER_SIZE);
            if (!code.isEmpty()) {
                machine.statements.exec(code, new Frame(ns.root()));
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
        FieldIo.RegionState[] state = new FieldIo.RegionState[1];
        Evaluation e = run(node, () -> {
            state[0] = machine.fields.regionState(node, null);
            return null;
        });
        FieldIo.RegionState s = state[0];
        if (s == null) {
            String why = e.limit() != null ? "the " + e.limit().label() + " budget ran out evaluating its operands"
                    : e.diagnostics().isEmpty() ? "its operands could not be evaluated"
                    : e.diagnostics().get(e.diagnostics().size() - 1).message();
            int spaceId = node.object() instanceof AmlObject.OperationRegion r ? r.spaceId() : -1;
            return new RegionResolution(node.path(), AddressSpace.of(spaceId), spaceId, OptionalLong.empty(),
                    OptionalLong.empty(), why, e.accesses());
        }
        return new RegionResolution(node.path(), s.space(), s.spaceId(),
                s.reason() == null ? OptionalLong.of(s.base()) : OptionalLong.empty(),
                s.reason() == null ? OptionalLong.of(s.length()) : OptionalLong.empty(), s.reason(), e.accesses());
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

    @FunctionalInterface
    private interface Body {
        AmlValue run();
    }

    private Evaluation run(NamespaceNode node, Body body) {
        return run(node.path(), node.sourceOrNull(), body);
    }

    private Evaluation run(String path, AmlSource source, Body body) {
        EvaluationContext saved = machine.cx;
        EvaluationContext c = new EvaluationContext(path, source, budget, machine.platform);
        if (machine.platform.spent()) {
            // A platform-wide limit is spent: nothing more runs; the stop that spent it counts what was not run.
            machine.platform.skipped++;
            int at = machine.platform.spentBy;
            machine.stops.set(at, machine.stops.get(at).withSkipped(machine.platform.skipped));
            return new Evaluation(path, Evaluation.Outcome.BUDGET_EXCEEDED, null, List.of(), List.of(), List.of(),
                    machine.stops.get(at).limit());
        }
        machine.platform.start();
        machine.cx = c;
        try {
            AmlValue v = body.run();
            return new Evaluation(path, Evaluation.Outcome.COMPLETED,
                    v == null || v instanceof AmlValue.Uninitialized ? null : v, c.accesses, c.diagnostics,
                    c.unknowns, null);
        } catch (BudgetHit h) {
            BudgetStop stop = new BudgetStop(path, h.where, h.limit, h.detail, source == null ? "" : source.table(),
                    source == null ? 0 : source.instance(), source == null ? -1 : source.offset(), 0);
            if (h.limit.platformWide()) {
                machine.platform.spentBy = machine.stops.size();
            }
            machine.stops.add(stop);
            machine.cx.finding(Severity.ERROR, null, "%s", stop.message());
            return new Evaluation(path, Evaluation.Outcome.BUDGET_EXCEEDED, null, c.accesses, c.diagnostics,
                    c.unknowns, h.limit);
        } catch (AmlError e) {
            machine.cx.finding(Severity.ERROR, null, "evaluation of %s failed: %s", path, e.getMessage());
            machine.failures.add(c.diagnostics.get(c.diagnostics.size() - 1));
            return new Evaluation(path, Evaluation.Outcome.ERROR, null, c.accesses, c.diagnostics, c.unknowns, null);
        } catch (RuntimeException e) {
            // A defect of the interpreter on unexpected AML must not escape to the caller: report it instead.
            machine.cx.finding(Severity.ERROR, null, "evaluation of %s failed: internal error %s", path, e);
            machine.failures.add(c.diagnostics.get(c.diagnostics.size() - 1));
            return new Evaluation(path, Evaluation.Outcome.ERROR, null, c.accesses, c.diagnostics, c.unknowns, null);
        } catch (StackOverflowError e) {
            BudgetStop stop = new BudgetStop(path, path, Budget.Limit.NESTING, "the Java stack ran out",
                    source == null ? "" : source.table(), source == null ? 0 : source.instance(),
                    source == null ? -1 : source.offset(), 0);
            machine.stops.add(stop);
            machine.cx.finding(Severity.ERROR, null, "%s", stop.message());
            return new Evaluation(path, Evaluation.Outcome.BUDGET_EXCEEDED, null, c.accesses, c.diagnostics,
                    c.unknowns, Budget.Limit.NESTING);
        } finally {
            machine.cx = saved;
        }
    }
}
