package io.github.xenacpi.aml;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.RawTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    private AmlLoader() {
    }

    /** Loads the definition blocks; tables other than DSDT and SSDT are reported and left out. */
    public static LoadedNamespace load(List<RawTable> definitionBlocks) {
        List<Diagnostic> ordering = new ArrayList<>();
        List<RawTable> order = loadOrder(definitionBlocks, ordering);
        LoadPass first = pass(order, null);
        LoadPass last = first.needsSecondPass() ? pass(order, first.namespace) : first;
        List<Diagnostic> all = new ArrayList<>(ordering);
        all.addAll(last.diagnostics);
        checkAliases(last.namespace, all);
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
            diagnostics.add(new Diagnostic("DSDT", order.get(1).instance(), -1, Severity.WARNING,
                    order.size() + " DSDTs given; all are loaded, in order"));
        }
        for (RawTable t : tables) {
            if (t.signature().equals("SSDT")) {
                order.add(t);
            } else if (!t.signature().equals("DSDT")) {
                diagnostics.add(new Diagnostic(t.signature(), t.instance(), -1, Severity.WARNING,
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
            while (cur != null && cur.object() instanceof AmlObject.Alias a
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
            out.add(new Diagnostic(src.table(), src.instance(), src.offset(), Severity.ERROR,
                    "Alias " + n.path() + " stands for no object: " + problem));
        }
    }
}
