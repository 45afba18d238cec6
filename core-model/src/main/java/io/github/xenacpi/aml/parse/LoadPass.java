package io.github.xenacpi.aml.parse;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.ExternalDeclaration;
import io.github.xenacpi.aml.Namespace;
import io.github.xenacpi.aml.NamespaceNode;
import io.github.xenacpi.aml.ObjectType;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one pass of the loader over all definition blocks: the namespace being built, the diagnostics, the
 * namespace of the first pass used to learn argument counts of methods defined later (null in the first pass),
 * and the names met in term positions that did not resolve when they were met.
 */
final class LoadPass {
    final Namespace namespace = new Namespace();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final Namespace oracle;
    final List<List<String>> unresolved = new ArrayList<>();
    /** The distinct NameSegs met, shared by the nodes that bear them. */
    final NameSegments segments = new NameSegments();

    LoadPass(Namespace oracle) {
        this.oracle = oracle;
    }

    /**
     * Whether a name that was unresolved when met now denotes a method with arguments (or an External method
     * with arguments), so that its call was misread and the tables must be parsed again.
     */
    boolean needsSecondPass() {
        for (List<String> candidates : unresolved) {
            if (argCount(namespace, candidates) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The argument count of the method the first existing candidate path denotes in {@code ns}: -1 when that
     * object is not a method or nothing exists.
     */
    static int argCount(Namespace ns, List<String> candidates) {
        for (String path : candidates) {
            NamespaceNode n = ns.node(path).orElse(null);
            if (n != null) {
                NamespaceNode target = ns.followAlias(n).orElse(null);
                return target != null && target.object() instanceof AmlObject.Method m ? m.argCount() : -1;
            }
            ExternalDeclaration e = ns.external(path);
            if (e != null) {
                return e.type() == ObjectType.METHOD ? e.argCount() : -1;
            }
        }
        return -1;
    }
}
