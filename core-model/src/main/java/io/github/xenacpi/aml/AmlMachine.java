package io.github.xenacpi.aml;

import io.github.xenacpi.acpi.source.RawTable;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

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
    final Map<NamespaceNode, AmlValue> globals = new IdentityHashMap<>();
    final Evaluator evaluator;
    final Statements statements;
    final Operators operators;
    final ObjectOperators objects;
    final Stores stores;
    final Conversions conversions;
    final FieldIo fields;
    /** The evaluation under way. */
    EvaluationContext cx;
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
