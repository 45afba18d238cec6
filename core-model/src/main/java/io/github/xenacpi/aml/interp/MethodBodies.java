package io.github.xenacpi.aml.interp;

import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlSource;
import io.github.xenacpi.aml.Namespace;
import io.github.xenacpi.aml.NamespaceNode;
import io.github.xenacpi.aml.parse.BodyParser;
import io.github.xenacpi.aml.parse.NameSegments;
import io.github.xenacpi.aml.parse.Stmt;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of each method, parsed from the table holding it when the method first runs (as ACPICA parses a
 * method's body when it runs it), and the bytes of those tables, copied once per table.
 */
final class MethodBodies {
    private final Namespace ns;
    private final IntegerWidth width;
    private final Map<TableKey, RawTable> tables = new HashMap<>();
    /** One copy of each table's bytes, taken when a body in it is first parsed. */
    private final Map<TableKey, byte[]> bytes = new HashMap<>();
    /** The names of every body parsed, shared. */
    private final NameSegments segments = new NameSegments();

    private final IdentityHashMap<NamespaceNode, List<Stmt>> parsed = new IdentityHashMap<>();

    /** The bodies of the methods of {@code ns}, loaded from {@code tables}. */
    MethodBodies(Namespace ns, List<RawTable> tables, IntegerWidth width) {
        this.ns = ns;
        this.width = width;
        for (RawTable t : tables) {
            this.tables.put(new TableKey(t.signature(), t.instance()), t);
        }
    }

    /** The statements of a method's body, parsed on first use. */
    List<Stmt> body(NamespaceNode method) {
        List<Stmt> body = parsed.get(method);
        if (body == null) {
            AmlSource src = method.sourceOrNull();
            byte[] table = bytes(src);
            if (table == null) {
                throw new AmlError("the table " + src.table() + " holding " + method.path() + " was not given");
            }
            AmlObject.Method m = (AmlObject.Method) method.object();
            body = parser(table).parse(method, m.bodyOffset(), m.bodyLength());
            parsed.put(method, body);
        }
        return body;
    }

    /** Whether the method's body has been parsed: it ran (or was about to run) in an evaluation. */
    boolean ran(NamespaceNode method) {
        return parsed.containsKey(method);
    }

    /** Where a method's body does not decode, parsed afresh; none when the table holding it was not given. */
    List<Stmt.Fault> faults(NamespaceNode method, AmlObject.Method m) {
        byte[] table = bytes(method.sourceOrNull());
        if (table == null) {
            return List.of();
        }
        BodyParser parser = parser(table);
        parser.parse(method, m.bodyOffset(), m.bodyLength());
        return parser.faults();
    }

    /** A parser of the bodies in {@code table}, one of this namespace's tables, sharing this namespace's names. */
    BodyParser parser(byte[] table) {
        return new BodyParser(table, ns, width.wide(), segments);
    }

    /**
     * The bytes of the table a definition comes from, copied once for all the method bodies parsed from it (a copy
     * per body made the survey of a large DSDT allocate hundreds of megabytes); null when the table was not given.
     */
    private byte[] bytes(AmlSource src) {
        return bytes(src.table(), src.instance());
    }

    /** A table's bytes, the copy its method bodies are parsed from when it is one of this namespace's tables. */
    byte[] bytes(RawTable table) {
        return table.equals(tables.get(new TableKey(table.signature(), table.instance())))
                ? bytes(table.signature(), table.instance())
                : table.bytes();
    }

    private byte[] bytes(String signature, int instance) {
        TableKey key = new TableKey(signature, instance);
        RawTable t = tables.get(key);
        return t == null ? null : bytes.computeIfAbsent(key, k -> t.bytes());
    }

    /**
     * A definition block by its signature and instance, as {@link AmlSource} names it. Not a record: a record's
     * equals and hashCode are linked on first use (an invokedynamic bootstrap), which the forked validation, a cold
     * JVM, pays for each record class it compares.
     */
    private static final class TableKey {
        private final String signature;
        private final int instance;

        TableKey(String signature, int instance) {
            this.signature = signature;
            this.instance = instance;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TableKey k && k.instance == instance && k.signature.equals(signature);
        }

        @Override
        public int hashCode() {
            return 31 * signature.hashCode() + instance;
        }
    }
}
