package io.github.xenacpi.aml.interp;

import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.NamespaceNode;
import io.github.xenacpi.aml.parse.Stmt;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Evaluates terms for an {@link AmlInterpreter}: resolves names from a frame, reads named objects (a Name's
 * value is initialised once, on first use) and invokes methods. It is the {@link Terms} of the other parts, which
 * it assembles: {@link Operators} (with {@link ObjectOperators}) for the operators, {@link Statements} for method
 * bodies, {@link Stores} for stores, {@link FieldAccess} for fields and {@link Conversions} for conversions, each
 * given only the parts it uses.
 */
final class Evaluator implements Terms {
    /** The strings Linux answers _OSI with true (ACPICA's interface list, as Linux leaves it enabled). */
    private static final Set<String> OSI_TRUE = Set.of(
            "Windows 2000",
            "Windows 2001",
            "Windows 2001 SP1",
            "Windows 2001.1",
            "Windows 2001 SP2",
            "Windows 2001.1 SP1",
            "Windows 2006",
            "Windows 2006.1",
            "Windows 2006 SP1",
            "Windows 2006 SP2",
            "Windows 2009",
            "Windows 2012",
            "Windows 2013",
            "Windows 2015",
            "Windows 2016",
            "Windows 2017",
            "Windows 2017.2",
            "Windows 2018",
            "Windows 2018.2",
            "Windows 2019",
            "Windows 2020",
            "Windows 2021",
            "Windows 2022",
            "Module Device",
            "Processor Device",
            "3.0 Thermal Model",
            "3.0 _SCP Extensions",
            "Processor Aggregator Device",
            "Extended Address Space Descriptor");

    private final Set<NamespaceNode> initializing = Collections.newSetFromMap(new IdentityHashMap<>());
    private final NamedObjects names;
    private final MethodBodies bodies;
    private final Meter meter;
    private final IntegerWidth width;
    private final Conversions conversions;
    private final FieldAccess fields;
    private final Stores stores;
    private final Operators operators;
    private final Statements statements;

    /**
     * An evaluator over the named objects and method bodies of a namespace, charging its work to the meter,
     * recording in the log and reaching OperationRegions through {@code spaces}.
     */
    Evaluator(
            NamedObjects names,
            MethodBodies bodies,
            Meter meter,
            EvaluationLog log,
            AddressSpaces spaces,
            IntegerWidth width) {
        this.names = names;
        this.bodies = bodies;
        this.meter = meter;
        this.width = width;
        this.conversions = new Conversions(this, meter, width);
        this.fields = new FieldIo(this, conversions, spaces, meter, log, width);
        this.stores = new Stores(this, fields, names, conversions, meter);
        this.operators = new Operators(
                this,
                stores,
                new ObjectOperators(this, names, stores, conversions, meter, width),
                conversions,
                meter,
                log,
                width);
        this.statements = new Statements(this, stores, fields, conversions, meter, log);
    }

    /** Runs statements outside any method (module-level code) in the frame given. */
    void run(List<Stmt> code, Frame f) {
        statements.exec(code, f);
    }

    /** The evaluated operands of an OperationRegion (see {@link FieldAccess#region}). */
    RegionState region(NamespaceNode region) {
        return fields.region(region);
    }

    /** Runs a method with its arguments (a predefined one as Linux answers it), within the call-depth limit. */
    AmlValue invoke(NamespaceNode method, AmlValue[] args) {
        if (method.sourceOrNull() == null) {
            return predefined(method, args);
        }
        meter.checkCallDepth(method.path());
        List<Stmt> body = bodies.body(method);
        Frame f = new Frame(method);
        for (int i = 0; i < Math.min(args.length, 7); i++) {
            f.args[i] = args[i];
        }
        meter.enterCall(f);
        try {
            statements.exec(body, f);
            return f.result == null ? new AmlValue.Uninitialized() : f.result;
        } finally {
            meter.exitCall();
        }
    }

    /** The predefined methods: {@code \_OSI} as Linux answers it. */
    private AmlValue predefined(NamespaceNode method, AmlValue[] args) {
        if (method.segment().equals("_OSI") && args.length == 1) {
            return new AmlValue.Int(OSI_TRUE.contains(conversions.toStr(args[0], null)) ? width.ones() : 0);
        }
        return new AmlValue.Int(0);
    }

    @Override
    public NamespaceNode resolve(AmlName name, Frame f, NamespaceNode scope) {
        if (f != null) {
            NamespaceNode local = f.declared(name);
            if (local != null) {
                return local;
            }
        }
        NamespaceNode n = names.lookup(scope, name);
        if (n == null) {
            throw new AmlError(name + " not found from " + scope.path() + " (AE_NOT_FOUND)");
        }
        return names.follow(n);
    }

    /** The object an Alias stands for (the node itself when no Alias). */
    NamespaceNode follow(NamespaceNode n) {
        return names.follow(n);
    }

    @Override
    public AmlValue read(NamespaceNode named, Frame f) {
        NamespaceNode node = names.follow(named);
        AmlObject o = node.object();
        if (o instanceof AmlObject.Name n) {
            return nameValue(node, n, f);
        }
        if (o instanceof AmlObject.FieldUnit || o instanceof AmlObject.BufferField) {
            return fields.read(node, f);
        }
        if (o instanceof AmlObject.Method) {
            return invoke(node, new AmlValue[0]);
        }
        return new AmlValue.Reference(node);
    }

    @Override
    public void write(NamespaceNode node, AmlValue v, Frame f) {
        stores.storeToNode(node, v, f);
    }

    /** A Name's current value, its initial value evaluated on first use (a Name that needs itself is an error). */
    private AmlValue nameValue(NamespaceNode node, AmlObject.Name n, Frame f) {
        AmlValue v = names.value(node, f);
        if (v != null) {
            return v;
        }
        if (!initializing.add(node)) {
            throw new AmlError("Name " + node.path() + " resolves to itself");
        }
        try {
            Frame init = new Frame(node.parentOrNull() == null ? node : node.parentOrNull());
            init.offset =
                    node.sourceOrNull() == null ? -1 : (int) node.sourceOrNull().offset();
            AmlTerm term = n.value();
            if (term instanceof AmlTerm.NameRef r) {
                v = read(resolve(r.name(), init), init);
            } else {
                v = eval(term, init);
            }
            names.set(node, null, v);
            return v;
        } finally {
            initializing.remove(node);
        }
    }

    @Override
    public AmlValue eval(AmlTerm t, Frame f) {
        if (t instanceof AmlTerm.IntegerConst i) {
            return new AmlValue.Int(i.value() & width.ones());
        }
        if (t instanceof AmlTerm.StringConst s) {
            return new AmlValue.Str(s.value());
        }
        if (t instanceof AmlTerm.Local l) {
            AmlValue v = f.locals[l.index()];
            if (v == null) {
                throw new AmlError("Local" + l.index() + " read before anything was stored in it in " + f.scope.path());
            }
            return v;
        }
        if (t instanceof AmlTerm.Arg a) {
            AmlValue v = f.args[a.index()];
            if (v == null) {
                throw new AmlError("Arg" + a.index() + " of " + f.scope.path() + " was not passed");
            }
            return v;
        }
        meter.step(f);
        meter.enter(f);
        try {
            if (t instanceof AmlTerm.NameRef r) {
                return read(resolve(r.name(), f), f);
            }
            if (t instanceof AmlTerm.MethodCall c) {
                return call(c, f);
            }
            if (t instanceof AmlTerm.BufferData b) {
                return buffer(b, f);
            }
            if (t instanceof AmlTerm.PackageData p) {
                return pack(p, f);
            }
            if (t instanceof AmlTerm.Operation op) {
                return operators.operation(op, f);
            }
            return new AmlValue.Uninitialized();
        } finally {
            meter.exit();
        }
    }

    private AmlValue call(AmlTerm.MethodCall c, Frame f) {
        NamespaceNode node = resolve(c.name(), f);
        AmlValue[] args = new AmlValue[c.arguments().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = eval(c.arguments().get(i), f);
        }
        if (node.object() instanceof AmlObject.Method) {
            return invoke(node, args);
        }
        return read(node, f);
    }

    private AmlValue buffer(AmlTerm.BufferData b, Frame f) {
        long size = conversions.toInt(eval(b.size(), f), f);
        byte[] init = b.initializer();
        long n = size < 0 ? size : Math.max(size, init.length);
        meter.allocate(n, f, "Buffer");
        byte[] data = new byte[(int) n];
        System.arraycopy(init, 0, data, 0, init.length);
        return new AmlValue.Buffer(data);
    }

    private AmlValue pack(AmlTerm.PackageData p, Frame f) {
        long count = conversions.toInt(eval(p.count(), f), f);
        long n = count < 0 ? count : Math.max(count, p.elements().size());
        meter.allocate(n < 0 || n > Integer.MAX_VALUE ? -1 : n * 8, f, "Package");
        AmlValue[] elements = new AmlValue[(int) n];
        for (int i = 0; i < elements.length; i++) {
            if (i < p.elements().size()) {
                AmlTerm e = p.elements().get(i);
                elements[i] = e instanceof AmlTerm.NameRef r ? packageName(r, f) : eval(e, f);
            } else {
                elements[i] = new AmlValue.Uninitialized();
            }
        }
        return new AmlValue.Package(elements);
    }

    /** A name inside a package is a reference to the object, or its path as a string when nothing is there. */
    private AmlValue packageName(AmlTerm.NameRef r, Frame f) {
        NamespaceNode n = names.lookup(f.scope, r.name());
        if (n == null) {
            return new AmlValue.Str(r.name().toString());
        }
        return new AmlValue.Reference(n);
    }
}
