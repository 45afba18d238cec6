package io.github.xenacpi.aml.interp;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlSource;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.NamespaceNode;
import io.github.xenacpi.aml.parse.Stmt;
import java.util.List;

/**
 * Runs the statements of a method body or of module-level code: If, While, Break, Continue and Return, and
 * the objects a method declares (created in its frame, not in the namespace).
 */
final class Statements {
    private final Terms terms;
    private final Stores stores;
    private final FieldAccess fields;
    private final Conversions conversions;
    private final Meter meter;
    private final EvaluationLog log;

    Statements(
            Terms terms, Stores stores, FieldAccess fields, Conversions conversions, Meter meter, EvaluationLog log) {
        this.terms = terms;
        this.stores = stores;
        this.fields = fields;
        this.conversions = conversions;
        this.meter = meter;
        this.log = log;
    }

    /** How a statement ends: on to the next, or leaving its loop or method. */
    enum Flow {
        NEXT,
        BREAK,
        CONTINUE,
        RETURN
    }

    /** Runs statements in order until one breaks, continues or returns. */
    Flow exec(List<Stmt> list, Frame f) {
        for (Stmt s : list) {
            Flow flow = exec(s, f);
            if (flow != Flow.NEXT) {
                return flow;
            }
        }
        return Flow.NEXT;
    }

    private Flow exec(Stmt s, Frame f) {
        meter.step(f);
        f.offset = s.offset();
        if (s instanceof Stmt.Eval e) {
            return statement(e.term(), f);
        }
        if (s instanceof Stmt.If i) {
            meter.enter(f);
            try {
                return truthy(i.predicate(), f) ? exec(i.then(), f) : exec(i.otherwise(), f);
            } finally {
                meter.exit();
            }
        }
        if (s instanceof Stmt.While w) {
            meter.enter(f);
            try {
                while (true) {
                    meter.step(f);
                    f.offset = w.offset();
                    if (!truthy(w.predicate(), f)) {
                        return Flow.NEXT;
                    }
                    Flow flow = exec(w.body(), f);
                    if (flow == Flow.BREAK) {
                        return Flow.NEXT;
                    }
                    if (flow == Flow.RETURN) {
                        return flow;
                    }
                }
            } finally {
                meter.exit();
            }
        }
        if (s instanceof Stmt.Declare d) {
            declare(d, f);
            return Flow.NEXT;
        }
        if (s instanceof Stmt.Block b) {
            return exec(b.body(), f);
        }
        if (s instanceof Stmt.Scope sc) {
            exec(sc.body(), new Frame(sc.scope()));
            return Flow.NEXT;
        }
        if (s instanceof Stmt.Unsupported u) {
            log.finding(Severity.INFO, f, "unsupported in %s: %s; skipped", f.scope.path(), u.what());
            return Flow.NEXT;
        }
        throw new AmlError("AML parse error in " + f.scope.path() + String.format(" at 0x%X: ", s.offset())
                + ((Stmt.Fault) s).message());
    }

    private Flow statement(AmlTerm t, Frame f) {
        if (t instanceof AmlTerm.Operation op) {
            switch (op.opcode()) {
                case RETURN -> {
                    AmlValue v = terms.eval(op.operands().get(0), f);
                    f.result = stores.copyValue(conversions.resolveValue(v, f), f);
                    return Flow.RETURN;
                }
                case BREAK -> {
                    return Flow.BREAK;
                }
                case CONTINUE -> {
                    return Flow.CONTINUE;
                }
                default -> {
                    // Any other operator is a statement evaluated for its effects, below.
                }
            }
        }
        terms.eval(t, f);
        return Flow.NEXT;
    }

    private boolean truthy(AmlTerm predicate, Frame f) {
        return conversions.truthy(terms.eval(predicate, f), f);
    }

    private void declare(Stmt.Declare d, Frame f) {
        String seg = d.name().lastSegment();
        if (d.name().segments().size() != 1 || d.name().rooted() || d.name().parentPrefixes() > 0) {
            log.finding(
                    Severity.INFO,
                    f,
                    "%s declared inside %s with a path (%s): not modelled",
                    kind(d.object()),
                    f.scope.path(),
                    d.name());
            return;
        }
        if (f.declared.containsKey(seg)) {
            throw new AmlError(d.name() + " already exists in " + f.scope.path() + " (AE_ALREADY_EXISTS)");
        }
        NamespaceNode node = new NamespaceNode(
                seg,
                f.scope,
                d.object(),
                f.scope.sourceOrNull() == null
                        ? null
                        : new AmlSource(
                                f.scope.sourceOrNull().table(),
                                f.scope.sourceOrNull().instance(),
                                d.offset()),
                false);
        f.declaring();
        f.declared.put(seg, node);
        AmlObject o = d.object();
        if (o instanceof AmlObject.Name n) {
            f.values.put(node, stores.copyValue(terms.eval(n.value(), f), f));
        } else if (o instanceof AmlObject.BufferField || o instanceof AmlObject.OperationRegion) {
            fields.declare(node, f);
        }
    }

    private static String kind(AmlObject o) {
        return o.getClass().getSimpleName();
    }
}
