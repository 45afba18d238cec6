package io.github.xenacpi.aml.interp;

import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.NamespaceNode;

/**
 * What the parts of the interpreter ask of the {@link Evaluator}, the one way back into it: the value of a term,
 * a name resolved from a frame, a named object read or written. An operator's operands are terms, a field's index
 * register is a named object: the parts recurse through this interface, and each is given its other collaborators
 * by name.
 */
interface Terms {

    /** The value of a term in a frame. */
    AmlValue eval(AmlTerm t, Frame f);

    /**
     * Resolves a name from {@code scope}: the frame's own declared objects first, then the namespace; an Alias
     * found in the namespace gives the object it stands for.
     */
    NamespaceNode resolve(AmlName name, Frame f, NamespaceNode scope);

    /** Resolves a name from the frame's scope. */
    default NamespaceNode resolve(AmlName name, Frame f) {
        return resolve(name, f, f.scope);
    }

    /** The value of a named object: data, a field read, a method's result, or a reference to any other object. */
    AmlValue read(NamespaceNode named, Frame f);

    /** Stores into a named object as Store does: a field write, or a Name's value converted to its current type. */
    void write(NamespaceNode node, AmlValue v, Frame f);
}
