package io.github.xenacpi.aml.interp;

import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.NamespaceNode;
import java.util.List;

/**
 * The operators on objects and references rather than on plain values (ACPI 6.5 section 19.6): RefOf, CondRefOf,
 * DerefOf, Index, SizeOf, ObjectType and Match.
 */
final class ObjectOperators {
    private final Terms terms;
    private final NamedObjects names;
    private final Stores stores;
    private final Conversions conversions;
    private final Meter meter;
    private final IntegerWidth width;

    ObjectOperators(
            Terms terms, NamedObjects names, Stores stores, Conversions conversions, Meter meter, IntegerWidth width) {
        this.terms = terms;
        this.names = names;
        this.stores = stores;
        this.conversions = conversions;
        this.meter = meter;
        this.width = width;
    }

    /** CondRefOf: stores a reference to the object when it exists and answers whether it does. */
    AmlValue condRefOf(AmlTerm s, AmlTerm target, Frame f) {
        if (s instanceof AmlTerm.NameRef r) {
            NamespaceNode n = f.declared(r.name());
            if (n == null) {
                n = names.lookup(f.scope, r.name());
            }
            if (n == null) {
                return new AmlValue.Int(0);
            }
            stores.store(target, new AmlValue.Reference(names.follow(n)), f);
            return new AmlValue.Int(width.ones());
        }
        stores.store(target, refOf(s, f), f);
        return new AmlValue.Int(width.ones());
    }

    /** RefOf: a reference to the named object, or the value of a term that is already one. */
    AmlValue refOf(AmlTerm s, Frame f) {
        if (s instanceof AmlTerm.NameRef r) {
            return new AmlValue.Reference(terms.resolve(r.name(), f));
        }
        if (s instanceof AmlTerm.MethodCall c && c.arguments().isEmpty()) {
            return new AmlValue.Reference(terms.resolve(c.name(), f));
        }
        return terms.eval(s, f);
    }

    /** DerefOf: the value a reference, an Index reference or a path string denotes. */
    AmlValue derefOf(AmlValue v, Frame f) {
        if (v instanceof AmlValue.Reference r) {
            return terms.read(r.node(), f);
        }
        if (v instanceof AmlValue.ElementRef e) {
            return Conversions.element(e);
        }
        if (v instanceof AmlValue.Str s) {
            AmlName name;
            try {
                name = AmlName.parse(s.value());
            } catch (IllegalArgumentException e) {
                throw new AmlError("DerefOf the string \"" + s.value() + "\", which is no name, in " + f.scope.path());
            }
            return terms.read(terms.resolve(name, f), f);
        }
        throw new AmlError("DerefOf a " + v.type() + " in " + f.scope.path());
    }

    /** Index: a reference to an element of a Buffer, Package or String, which must exist. */
    AmlValue index(AmlValue src, long i, Frame f) {
        AmlValue c = conversions.resolveValue(src, f);
        if (c instanceof AmlValue.Reference r) {
            c = terms.read(r.node(), f);
        }
        long size = c instanceof AmlValue.Buffer b
                ? b.data().length
                : c instanceof AmlValue.Package p
                        ? p.elements().length
                        : c instanceof AmlValue.Str s ? s.value().length() : -1;
        if (size < 0) {
            throw new AmlError("Index into a " + c.type() + " in " + f.scope.path());
        }
        if (i < 0 || i >= size) {
            throw new AmlError(String.format(
                    "Index %d past the end of a %d-element %s in %s " + "(AE_AML_PACKAGE_LIMIT)",
                    i, size, c.type(), f.scope.path()));
        }
        return new AmlValue.ElementRef(c, (int) i);
    }

    /** SizeOf: the length of a Buffer, String or Package. */
    long sizeOf(AmlValue v, Frame f) {
        AmlValue x = v instanceof AmlValue.Reference r ? terms.read(r.node(), f) : v;
        if (x instanceof AmlValue.Buffer b) {
            return b.data().length;
        }
        if (x instanceof AmlValue.Str s) {
            return s.value().length();
        }
        if (x instanceof AmlValue.Package p) {
            return p.elements().length;
        }
        throw new AmlError("SizeOf a " + x.type() + " in " + f.scope.path());
    }

    /** ObjectType: the type code of the object or value a term denotes. */
    long objectType(AmlTerm s, Frame f) {
        if (s instanceof AmlTerm.NameRef || s instanceof AmlTerm.MethodCall) {
            AmlName name = s instanceof AmlTerm.NameRef r ? r.name() : ((AmlTerm.MethodCall) s).name();
            NamespaceNode n = terms.resolve(name, f);
            if (n.object() instanceof AmlObject.Name) {
                return terms.read(n, f).type().code();
            }
            return Math.max(0, n.type().code());
        }
        AmlValue v = terms.eval(s, f);
        if (v instanceof AmlValue.Reference r) {
            return Math.max(0, r.type().code());
        }
        return Math.max(0, conversions.resolveValue(v, f).type().code());
    }

    /** Match: the index of the first package element that meets both conditions, else Ones. */
    AmlValue match(List<AmlTerm> o, Frame f) {
        AmlValue src = conversions.resolveValue(terms.eval(o.get(0), f), f);
        if (!(src instanceof AmlValue.Package p)) {
            throw new AmlError("Match on a " + src.type() + " in " + f.scope.path());
        }
        int op1 = (int) o.get(1).literal().orElse(0);
        AmlValue v1 = terms.eval(o.get(2), f);
        int op2 = (int) o.get(3).literal().orElse(0);
        AmlValue v2 = terms.eval(o.get(4), f);
        long start = conversions.toInt(terms.eval(o.get(5), f), f);
        for (long i = start; i >= 0 && i < p.elements().length; i++) {
            meter.step(f);
            AmlValue e = p.elements()[(int) i];
            if (!(e instanceof AmlValue.Int || e instanceof AmlValue.Str || e instanceof AmlValue.Buffer)) {
                continue;
            }
            if (matches(e, op1, v1, f) && matches(e, op2, v2, f)) {
                return new AmlValue.Int(i);
            }
        }
        return new AmlValue.Int(width.ones());
    }

    private boolean matches(AmlValue e, int op, AmlValue v, Frame f) {
        if (op == 0) {
            return true;
        }
        int c = conversions.compare(e, v, f);
        return switch (op) {
            case 1 -> c == 0;
            case 2 -> c <= 0;
            case 3 -> c < 0;
            case 4 -> c >= 0;
            case 5 -> c > 0;
            default -> false;
        };
    }
}
