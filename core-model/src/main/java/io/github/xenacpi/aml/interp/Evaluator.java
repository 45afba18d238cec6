package io.github.xenacpi.aml.interp;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlSource;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.NamespaceNode;
import io.github.xenacpi.aml.parse.BodyParser;
import io.github.xenacpi.aml.parse.Stmt;

/**
 * Evaluates terms for an {@link AmlInterpreter}: resolves names from a frame, reads named objects (a Name's
 * value is initialised once, on first use) and invokes methods, parsing their bodies when first run.
 */
final class Evaluator {
    /** The strings Linux answers _OSI with true (ACPICA's interface list, as Linux leaves it enabled). */
    private static final Set<String> OSI_TRUE = Set.of("Windows 2000", "Windows 2001", "Windows 2001 SP1",
            "Windows 2001.1", "Windows 2001 SP2", "Windows 2001.1 SP1", "Windows 2006", "Windows 2006.1",
            "Windows 2006 SP1", "Windows 2006 SP2", "Windows 2009", "Windows 2012", "Windows 2013", "Windows 2015",
            "Windows 2016", "Windows 2017", "Windows 2017.2", "Windows 2018", "Windows 2018.2", "Windows 2019",
            "Windows 2020", "Windows 2021", "Windows 2022", "Module Device", "Processor Device",
            "3.0 Thermal Model", "3.0 _SCP Extensions", "Processor Aggregator Device",
            "Extended Address Space Descriptor");
    private final IdentityHashMap<NamespaceNode, List<Stmt>> bodies = new IdentityHashMap<>();
    private final Set<NamespaceNode> initializing = Collections.newSetFromMap(new IdentityHashMap<>());
    private final AmlMachine machine;

    Evaluator(AmlMachine machine) {
        this.machine = machine;
    }

    /** Runs a method with its arguments (a predefined one as Linux answers it), within the call-depth limit. */
    AmlValue invoke(NamespaceNode method, AmlValue[] args) {
        AmlObject.Method m = (AmlObject.Method) method.object();
        if (method.sourceOrNull() == null) {
            return predefined(method, args);
        }
        if (machine.cx.callDepth >= machine.budget.maxCallDepth()) {
            throw new BudgetHit(Budget.Limit.CALL_DEPTH, method.path());
        }
        List<Stmt> body = body(method, m);
        Frame f = new Frame(method);
        for (int i = 0; i < Math.min(args.length, 7); i++) {
            f.args[i] = args[i];
        }
        machine.cx.callDepth++;
        machine.cx.enter(f);
        try {
            machine.statements.exec(body, f);
            return f.result == null ? new AmlValue.Uninitialized() : f.result;
        } finally {
            machine.cx.exit();
            machine.cx.callDepth--;
        }
    }

    /** Whether the method's body has been parsed: it ran (or was about to run) in an evaluation. */
    boolean ran(NamespaceNode method) {
        return bodies.containsKey(method);
    }

    private List<Stmt> body(NamespaceNode method, AmlObject.Method m) {
        List<Stmt> body = bodies.get(method);
        if (body == null) {
            AmlSource src = method.sourceOrNull();
            byte[] table = machine.bytes(AmlMachine.key(src.table(), src.instance()));
            if (table == null) {
                throw new AmlError("the table " + src.table() + " holding " + method.path() + " was not given");
            }
            body = new BodyParser(table, machine.ns, machine.integers64).parse(method, m.bodyOffset(),
                    m.bodyLength());
            bodies.put(method, body);
        }
        return body;
    }

    /** The predefined methods: {@code \_OSI} as Linux answers it. */
    private AmlValue predefined(NamespaceNode method, AmlValue[] args) {
        if (method.segment().equals("_OSI") && args.length == 1) {
            return new AmlValue.Int(OSI_TRUE.contains(machine.conversions.toStr(args[0], null)) ? machine.ones : 0);
        }
        return new AmlValue.Int(0);
    }

    /** Resolves a name from a frame's scope: the method's own declared objects first, then the namespace. */
    NamespaceNode resolve(AmlName name, Frame f, NamespaceNode scope) {
        if (f != null && !f.declared.isEmpty() && name.searchable()) {
            NamespaceNode local = f.declared.get(name.lastSegment());
            if (local != null) {
                return local;
            }
        }
        NamespaceNode n = machine.ns.resolveOrNull(scope, name);
        if (n == null) {
            throw new AmlError(name + " not found from " + scope.path() + " (AE_NOT_FOUND)");
        }
        return follow(n);
    }

    /** Resolves a name from the frame's scope. */
    NamespaceNode resolve(AmlName name, Frame f) {
        return resolve(name, f, f.scope);
    }

    /** The object an Alias stands for (the node itself when no Alias). */
    NamespaceNode follow(NamespaceNode n) {
        if (!(n.object() instanceof AmlObject.Alias)) {
            return n;
        }
        return machine.ns.followAlias(n).orElseThrow(() -> new AmlError("Alias " + n.path()
                + " stands for no object (missing target or a cycle)"));
    }

    /** The value of a named object: data, a field read, or a reference to a non-data object. */
    AmlValue read(NamespaceNode named, Frame f) {
        NamespaceNode node = follow(named);
        AmlObject o = node.object();
        if (o instanceof AmlObject.Name n) {
            return nameValue(node, n, f);
        }
        if (o instanceof AmlObject.FieldUnit fu) {
            return machine.fields.readField(node, fu, f);
        }
        if (o instanceof AmlObject.BufferField bf) {
            return machine.fields.readSlice(machine.fields.slice(node, bf, f));
        }
        if (o instanceof AmlObject.Method) {
            return invoke(node, new AmlValue[0]);
        }
        return new AmlValue.Reference(node);
    }

    AmlValue nameValue(NamespaceNode node, AmlObject.Name n, Frame f) {
        if (f != null) {
            AmlValue v = f.values.get(node);
            if (v != null) {
                return v;
            }
        }
        AmlValue v = machine.globals.get(node);
        if (v != null) {
            return v;
        }
        if (!initializing.add(node)) {
            throw new AmlError("Name " + node.path() + " resolves to itself");
        }
        try {
            Frame init = new Frame(node.parentOrNull() == null ? node : node.parentOrNull());
            init.offset = node.sourceOrNull() == null ? -1 : (int) node.sourceOrNull().offset();
            AmlTerm term = n.value();
            if (term instanceof AmlTerm.NameRef r) {
                v = read(resolve(r.name(), init), init);
            } else {
                v = eval(term, init);
            }
            machine.globals.put(node, v);
            return v;
        } finally {
            initializing.remove(node);
        }
    }

    /** The value of a term in a frame. */
    AmlValue eval(AmlTerm t, Frame f) {
        if (t instanceof AmlTerm.IntegerConst i) {
            return new AmlValue.Int(i.value() & machine.ones);
        }
        if (t instanceof AmlTerm.StringConst s) {
            return new AmlValue.Str(s.value());
        }
        if (t instanceof AmlTerm.Local l) {
            AmlValue v = f.locals[l.index()];
            if (v == null) {
                throw new AmlError("Local" + l.index() + " read before anything was stored in it in "
                        + f.scope.path());
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
        machine.cx.step(f);
        machine.cx.enter(f);
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
                return machine.operators.operation(op, f);
            }
            return new AmlValue.Uninitialized();
        } finally {
            machine.cx.exit();
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
        long size = machine.conversions.toInt(eval(b.size(), f), f);
        byte[] init = b.initializer();
        long n = size < 0 ? size : Math.max(size, init.length);
        machine.cx.allocate(n, f, "Buffer");
        byte[] data = new byte[(int) n];
        System.arraycopy(init, 0, data, 0, init.length);
        return new AmlValue.Buffer(data);
    }

    private AmlValue pack(AmlTerm.PackageData p, Frame f) {
        long count = machine.conversions.toInt(eval(p.count(), f), f);
        long n = count < 0 ? count : Math.max(count, p.elements().size());
        machine.cx.allocate(n < 0 || n > Integer.MAX_VALUE ? -1 : n * 8, f, "Package");
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
        NamespaceNode n = machine.ns.resolveOrNull(f.scope, r.name());
        if (n == null) {
            return new AmlValue.Str(r.name().toString());
        }
        return new AmlValue.Reference(n);
    }
}
