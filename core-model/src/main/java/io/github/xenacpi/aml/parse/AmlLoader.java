package io.github.xenacpi.aml.parse;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlSource;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.Namespace;
import io.github.xenacpi.aml.NamespaceNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads DSDT and SSDTs into one ACPI namespace the way ACPICA's table load does: the DSDT first, then the SSDTs
 * in the order given; named objects are created, method bodies are skipped, module-level code is parsed but not
 * run. A method called at table level needs its argument count: when a name met there was unknown but later
 * turned out to be a method with arguments, all tables are parsed a second time with the first pass's namespace
 * as the source of argument counts. Never throws on bad AML; every problem is a {@link Diagnostic}.
 */
public final class AmlLoader {
    /** Deepest nesting of packages and terms parsed before the rest of a package is skipped. */
    public static final int MAX_DEPTH = 128;

    private AmlLoader() {}

    /** Loads the definition blocks; tables other than DSDT and SSDT are reported and left out. */
    public static LoadedNamespace load(List<RawTable> definitionBlocks) {
        List<Diagnostic> ordering = new ArrayList<>();
        List<RawTable> order = loadOrder(definitionBlocks, ordering);
        LoadPass first = pass(order, null);
        LoadPass last = first.needsSecondPass() ? pass(order, first.namespace) : first;
        List<Diagnostic> all = new ArrayList<>(ordering);
        all.addAll(last.diagnostics);
        checkAliases(last.namespace, all);
        checkFieldSources(last.namespace, all);
        return new LoadedNamespace(last.namespace, all, last == first ? 1 : 2);
    }

    private static List<RawTable> loadOrder(List<RawTable> tables, List<Diagnostic> diagnostics) {
        List<RawTable> order = new ArrayList<>();
        for (RawTable t : tables) {
            if (t.signature().equals("DSDT")) {
                order.add(t);
            }
        }
        if (order.size() > 1) {
            diagnostics.add(new Diagnostic(
                    "DSDT",
                    order.get(1).instance(),
                    -1,
                    Severity.WARNING,
                    order.size() + " DSDTs given; all are loaded, in order"));
        }
        for (RawTable t : tables) {
            if (t.signature().equals("SSDT")) {
                order.add(t);
            } else if (!t.signature().equals("DSDT")) {
                diagnostics.add(new Diagnostic(
                        t.signature(),
                        t.instance(),
                        -1,
                        Severity.WARNING,
                        "not a definition block (DSDT or SSDT); not loaded into the namespace"));
            }
        }
        return order;
    }

    private static LoadPass pass(List<RawTable> order, Namespace oracle) {
        LoadPass pass = new LoadPass(oracle);
        for (RawTable t : order) {
            new AmlParser(t, pass, MAX_DEPTH).load();
        }
        return pass;
    }

    /**
     * Reports every Field, IndexField and BankField whose OperationRegion (index and data fields, bank register)
     * does not exist once all tables are loaded: ACPICA's AcpiDsCreateField fails with AE_NOT_FOUND and creates none
     * of its field units, so every access through them fails. One error per field list, at its first unit.
     */
    private static void checkFieldSources(Namespace ns, List<Diagnostic> out) {
        IdentityHashMap<AmlObject.FieldSource, List<NamespaceNode>> units = new IdentityHashMap<>();
        for (NamespaceNode n : ns.nodes()) {
            if (n.object() instanceof AmlObject.FieldUnit fu && n.source().isPresent()) {
                units.computeIfAbsent(fu.source(), k -> new ArrayList<>()).add(n);
            }
        }
        for (Map.Entry<AmlObject.FieldSource, List<NamespaceNode>> e : units.entrySet()) {
            NamespaceNode first = e.getValue().get(0);
            NamespaceNode scope = first.parentOrNull();
            List<String> missing = new ArrayList<>();
            String what;
            AmlObject.FieldSource source = e.getKey();
            if (source instanceof AmlObject.RegionField r) {
                what = "Field";
                missing(ns, scope, r.region(), AmlObject.OperationRegion.class, "OperationRegion", missing);
            } else if (source instanceof AmlObject.IndexField ix) {
                what = "IndexField";
                missing(ns, scope, ix.index(), AmlObject.FieldUnit.class, "index field", missing);
                missing(ns, scope, ix.data(), AmlObject.FieldUnit.class, "data field", missing);
            } else {
                AmlObject.BankField b = (AmlObject.BankField) source;
                what = "BankField";
                missing(ns, scope, b.region(), AmlObject.OperationRegion.class, "OperationRegion", missing);
                missing(ns, scope, b.bank(), AmlObject.FieldUnit.class, "bank field", missing);
            }
            if (missing.isEmpty()) {
                continue;
            }
            AmlSource src = first.source().orElseThrow();
            List<String> names =
                    e.getValue().stream().limit(4).map(NamespaceNode::segment).toList();
            out.add(new Diagnostic(
                    src.table(),
                    src.instance(),
                    src.offset(),
                    Severity.ERROR,
                    String.format(
                            "%s in %s: %s (AE_NOT_FOUND); its %d field units (%s%s) cannot be accessed",
                            what,
                            scope == null ? "\\" : scope.path(),
                            String.join(", ", missing),
                            e.getValue().size(),
                            String.join(", ", names),
                            e.getValue().size() > names.size() ? ", ..." : "")));
        }
    }

    private static void missing(
            Namespace ns,
            NamespaceNode scope,
            AmlName name,
            Class<? extends AmlObject> type,
            String kind,
            List<String> out) {
        NamespaceNode n = scope == null
                ? null
                : ns.resolve(scope, name).flatMap(ns::followAlias).orElse(null);
        if (n == null) {
            out.add("its " + kind + " " + name + " does not exist");
        } else if (!type.isInstance(n.object())) {
            out.add("its " + kind + " " + name + " is a "
                    + n.object().getClass().getSimpleName() + ", not a" + (kind.startsWith("O") ? "n " : " ") + kind);
        }
    }

    /** Reports every alias whose target is missing or whose chain loops back on itself. */
    private static void checkAliases(Namespace ns, List<Diagnostic> out) {
        for (NamespaceNode n : ns.nodes()) {
            if (!(n.object() instanceof AmlObject.Alias) || ns.followAlias(n).isPresent()) {
                continue;
            }
            List<String> chain = new ArrayList<>();
            Set<NamespaceNode> seen = new HashSet<>();
            NamespaceNode cur = n;
            String problem = "its chain is longer than " + Namespace.MAX_ALIAS_HOPS + " hops";
            while (cur != null
                    && cur.object() instanceof AmlObject.Alias a
                    && chain.size() <= Namespace.MAX_ALIAS_HOPS) {
                chain.add(cur.path());
                if (!seen.add(cur)) {
                    problem = "it resolves to itself (" + String.join(" -> ", chain) + ")";
                    break;
                }
                NamespaceNode next = ns.resolve(ns.root(), a.target()).orElse(null);
                if (next == null) {
                    problem = "its target " + a.target() + " does not exist (AE_NOT_FOUND)";
                }
                cur = next;
            }
            AmlSource src = n.source().orElseThrow();
            out.add(new Diagnostic(
                    src.table(),
                    src.instance(),
                    src.offset(),
                    Severity.ERROR,
                    "Alias " + n.path() + " stands for no object: " + problem));
        }
    }
}
