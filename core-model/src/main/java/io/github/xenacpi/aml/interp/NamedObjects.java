package io.github.xenacpi.aml.interp;

import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.Namespace;
import io.github.xenacpi.aml.NamespaceNode;
import java.util.IdentityHashMap;

/**
 * The namespace as the interpreter reads and changes it: names looked up, Aliases followed, and the current value
 * of each Name object. ACPICA attaches a stored value to the namespace node ({@code acpi_ns_attach_object}); the
 * model keeps the values here instead, so the loaded {@link Namespace} is never changed. A Name declared inside a
 * method keeps its value in the method's frame.
 */
final class NamedObjects {
    private final Namespace ns;
    /** The values of the namespace's Name objects, once initialised or stored to. */
    private final IdentityHashMap<NamespaceNode, AmlValue> values = new IdentityHashMap<>();

    NamedObjects(Namespace ns) {
        this.ns = ns;
    }

    /** The object a name denotes from {@code scope} by the namespace's search rules; null when none. */
    NamespaceNode lookup(NamespaceNode scope, AmlName name) {
        return ns.resolveOrNull(scope, name);
    }

    /** The object an Alias stands for (the node itself when no Alias). */
    NamespaceNode follow(NamespaceNode n) {
        if (!(n.object() instanceof AmlObject.Alias)) {
            return n;
        }
        return ns.followAlias(n)
                .orElseThrow(
                        () -> new AmlError("Alias " + n.path() + " stands for no object (missing target or a cycle)"));
    }

    /** The current value of a Name: the frame's own (declared in its method), else the namespace's; null when unset. */
    AmlValue value(NamespaceNode node, Frame f) {
        if (f != null) {
            AmlValue v = f.values.get(node);
            if (v != null) {
                return v;
            }
        }
        return values.get(node);
    }

    /** Sets a Name's value: in the frame when declared in its method, else in the namespace (also without a frame). */
    void set(NamespaceNode node, Frame f, AmlValue v) {
        if (f != null && f.values.containsKey(node)) {
            f.values.put(node, v);
        } else {
            values.put(node, v);
        }
    }
}
