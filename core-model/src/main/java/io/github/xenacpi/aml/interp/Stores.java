package io.github.xenacpi.aml.interp;

import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlOpcode;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.NamespaceNode;
import java.util.Arrays;

/**
 * Stores values into targets (ACPI 6.5 section 19.3.5): locals, arguments, named objects with implicit
 * conversion to the existing type, references and elements, fields; and CopyObject.
 */
final class Stores {
    private final Terms terms;
    private final FieldAccess fields;
    private final NamedObjects names;
    private final Conversions conversions;
    private final Meter meter;

    Stores(Terms terms, FieldAccess fields, NamedObjects names, Conversions conversions, Meter meter) {
        this.terms = terms;
        this.fields = fields;
        this.names = names;
        this.conversions = conversions;
        this.meter = meter;
    }

    /** Stores a value into a target term (Store, and the targets of the operators). */
    void store(AmlTerm target, AmlValue v, Frame f) {
        if (target instanceof AmlTerm.NoTarget) {
            return;
        }
        if (target instanceof AmlTerm.Local l) {
            f.locals[l.index()] = copyValue(v, f);
            return;
        }
        if (target instanceof AmlTerm.Arg a) {
            AmlValue cur = f.args[a.index()];
            if (cur instanceof AmlValue.Reference || cur instanceof AmlValue.ElementRef) {
                storeThrough(cur, v, f);
            } else {
                f.args[a.index()] = copyValue(v, f);
            }
            return;
        }
        if (target instanceof AmlTerm.NameRef r) {
            storeToNode(terms.resolve(r.name(), f), v, f);
            return;
        }
        if (target instanceof AmlTerm.Operation op && op.opcode() == AmlOpcode.DEBUG) {
            return;
        }
        if (target instanceof AmlTerm.MethodCall c && c.arguments().isEmpty()) {
            storeToNode(terms.resolve(c.name(), f), v, f);
            return;
        }
        storeThrough(terms.eval(target, f), v, f);
    }

    private void storeThrough(AmlValue ref, AmlValue v, Frame f) {
        if (ref instanceof AmlValue.Reference r) {
            storeToNode(r.node(), v, f);
        } else if (ref instanceof AmlValue.ElementRef e) {
            if (e.container() instanceof AmlValue.Buffer b) {
                b.data()[e.index()] = (byte) conversions.toInt(v, f);
            } else if (e.container() instanceof AmlValue.Package p) {
                p.elements()[e.index()] = copyValue(v, f);
            } else {
                throw new AmlError("store into an element of a " + e.container().type() + " in " + f.scope.path());
            }
        } else {
            throw new AmlError("store to a " + ref.type() + " that is not a reference in " + f.scope.path());
        }
    }

    /** Stores into a named object: a field write, or a Name's value converted to its current type. */
    void storeToNode(NamespaceNode node, AmlValue v, Frame f) {
        AmlObject o = node.object();
        if (o instanceof AmlObject.FieldUnit || o instanceof AmlObject.BufferField) {
            fields.write(node, v, f);
            return;
        }
        if (!(o instanceof AmlObject.Name)) {
            throw new AmlError("store to " + node.path() + ", a " + node.type() + " (AE_AML_OPERAND_TYPE)");
        }
        AmlValue cur = terms.read(node, f);
        AmlValue converted;
        if (cur instanceof AmlValue.Int) {
            converted = new AmlValue.Int(conversions.toInt(v, f));
        } else if (cur instanceof AmlValue.Str) {
            converted = new AmlValue.Str(conversions.toStr(v, f));
        } else if (cur instanceof AmlValue.Buffer b && !(v instanceof AmlValue.Package)) {
            byte[] src = conversions.toBuf(v, f);
            meter.touch(b.data().length, f);
            Arrays.fill(b.data(), (byte) 0);
            System.arraycopy(src, 0, b.data(), 0, Math.min(src.length, b.data().length));
            return;
        } else {
            converted = copyValue(v, f);
        }
        names.set(node, f, converted);
    }

    /** CopyObject: replaces a Name's value without conversion; other targets as Store. */
    void copyObject(AmlTerm target, AmlValue v, Frame f) {
        if (target instanceof AmlTerm.NameRef r) {
            NamespaceNode node = terms.resolve(r.name(), f);
            if (node.object() instanceof AmlObject.Name) {
                names.set(node, f, copyValue(v, f));
                return;
            }
        }
        store(target, v, f);
    }

    /** A deep copy of a Buffer or Package (other values are immutable). */
    AmlValue copyValue(AmlValue v, Frame f) {
        if (v instanceof AmlValue.Buffer b) {
            meter.allocate(b.data().length, f, "Buffer");
            return new AmlValue.Buffer(b.data().clone());
        }
        if (v instanceof AmlValue.Package p) {
            meter.allocate(8L * p.elements().length, f, "Package");
            AmlValue[] e = new AmlValue[p.elements().length];
            for (int i = 0; i < e.length; i++) {
                e[i] = copyValue(p.elements()[i], f);
            }
            return new AmlValue.Package(e);
        }
        return v;
    }
}
