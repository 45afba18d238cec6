package io.github.xenacpi.aml.interp;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.source.RawTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.Namespace;
import io.github.xenacpi.aml.NamespaceNode;

/**
 * What the parts of one {@link AmlInterpreter} share: the namespace, the tables holding the method bodies, the memory
 * model, the budget, the integer width, the values of named objects, the evaluation under way and the parts
 * themselves, which call one another through it.
 */
final class AmlMachine {
    final Namespace ns;
    final Map<String, RawTable> tables;
    final MemoryModel memory;
    final Budget budget;
    final boolean integers64;
    /** All bits of an Integer: Ones. */
    final long ones;
    /** The current values of the namespace's Name objects, once initialised or stored to. */
    final IdentityHashMap<NamespaceNode, AmlValue> globals = new IdentityHashMap<>();
    final Evaluator evaluator;
    final Statements statements;
    final Operators operators;
    final ObjectOperators objects;
    final Stores stores;
    final Conversions conversions;
    final FieldIo fields;
    /** The evaluation under way. */
    EvaluationContext cx;
    /** What all evaluations of this machine (one platform's) share of the budget. */
    final PlatformBudget platform;
    /** The evaluations a run-time error aborted, in order. */
    final List<Diagnostic> failures = new ArrayList<>();
    /** The evaluations a limit stopped, in order. */
    final List<BudgetStop> stops = new ArrayList<>();
    /** One copy of each table's bytes, taken when a body in it is first parsed. */
    private final Map<String, byte[]> bytes = new HashMap<>();

    AmlMachine(Namespace ns, Map<String, RawTable> tables, MemoryModel memory, Budget budget, boolean integers64) {
        this.ns = ns;
        this.tables = Map.copyOf(tables);
        this.memory = memory;
        this.budget = budget;
        this.integers64 = integers64;
        this.ones = integers64 ? -1L : 0xFFFF_FFFFL;
        this.evaluator = new Evaluator(this);
        this.statements = new Statements(this);
        this.operators = new Operators(this);
        this.objects = new ObjectOperators(this);
        this.stores = new Stores(this);
        this.conversions = new Conversions(this);
        this.fields = new FieldIo(this);
        this.platform = new PlatformBudget(budget, ns.nodes().size());
    }

    /**
     * The platform's share of the budget: steps and bytes of objects spent by all evaluations so far, their limits
     * (grown with the number of namespace nodes), the platform's deadline (from the first evaluation), and the
     * stop that spent a platform-wide limit, after which no evaluation runs.
     */
    static final class PlatformBudget {
        final long maxSteps;
        final long maxBytes;
        final boolean timed;
        private final long wallClockNanos;
        long steps;
        long bytes;
        long deadline;
        private boolean started;
        /** Index in {@link #stops} of the stop that spent a platform-wide limit; -1 while none has. */
        int spentBy = -1;
        /** Evaluations not run since. */
        int skipped;

        PlatformBudget(Budget budget, int nodes) {
            this.maxSteps = budget.platformSteps(nodes);
            this.maxBytes = budget.platformBytes(nodes);
            this.timed = budget.hasWallClock();
            this.wallClockNanos = budget.platformWallClock().toNanos();
        }

        /** Starts the platform's clock at its first evaluation. */
        void start() {
            if (!started) {
                started = true;
                deadline = System.nanoTime() + wallClockNanos;
            }
        }

        boolean spent() {
            return spentBy >= 0;
        }
    }

    /**
     * The bytes of the table under {@code key}, copied once for all the method bodies parsed from it (a copy per
     * body made the survey of a large DSDT allocate hundreds of megabytes); null when the table was not given.
     */
    byte[] bytes(String key) {
        RawTable t = tables.get(key);
        return t == null ? null : bytes.computeIfAbsent(key, k -> t.bytes());
    }

    /** The key of a table in {@link #tables}. */
    static String key(String signature, int instance) {
        return signature + "#" + instance;
    }
}
