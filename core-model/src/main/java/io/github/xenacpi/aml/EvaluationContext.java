package io.github.xenacpi.aml;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import java.util.ArrayList;
import java.util.List;

/** The state of one evaluation from outside AML: its use of the {@link Budget} and what it recorded. */
final class EvaluationContext {
    final String rootPath;
    final AmlSource rootSource;
    final long deadline;
    /** Whether the budget has a wall-clock guard ({@link #deadline} is meaningful). */
    final boolean timed;
    final List<RegionAccess> accesses = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<String> unknowns = new ArrayList<>();
    int unknownCount;
    String lastUnknown;
    long steps;
    int callDepth;
    int nesting;
    private final Budget budget;

    EvaluationContext(String rootPath, AmlSource rootSource, Budget budget) {
        this.rootPath = rootPath;
        this.rootSource = rootSource;
        this.budget = budget;
        this.timed = budget.hasWallClock();
        this.deadline = timed ? System.nanoTime() + budget.maxWallClock().toNanos() : 0;
    }

    /** Counts one step against the step and wall-clock limits. */
    void step(Frame f) {
        steps++;
        if (steps > budget.maxSteps()) {
            throw new BudgetHit(Budget.Limit.STEPS, where(f));
        }
        if ((steps & 0x3FF) == 0 && timed && System.nanoTime() - deadline > 0) {
            throw new BudgetHit(Budget.Limit.WALL_CLOCK, where(f));
        }
    }

    /** Enters one more level of nesting, within the nesting limit; {@link #exit} leaves it. */
    void enter(Frame f) {
        if (++nesting > budget.maxNesting()) {
            nesting--;
            throw new BudgetHit(Budget.Limit.NESTING, where(f));
        }
    }

    void exit() {
        nesting--;
    }

    static String where(Frame f) {
        return f == null ? "module-level code" : f.scope.path();
    }

    /** Checks the size of an object about to be created against the object-size limit. */
    void checkSize(long bytes, Frame f, String what) {
        if (bytes < 0 || bytes > budget.maxObjectBytes()) {
            throw new BudgetHit(Budget.Limit.OBJECT_SIZE, where(f) + " (" + what + " of " + Long.toUnsignedString(
                    bytes) + " bytes, limit " + budget.maxObjectBytes() + ")");
        }
    }

    /** Records a finding at the statement the frame runs (at the evaluation's root without a frame). */
    void finding(Severity severity, Frame f, String format, Object... args) {
        AmlSource src = f == null ? rootSource : f.scope.sourceOrNull();
        String table = src == null ? "" : src.table();
        int instance = src == null ? 0 : src.instance();
        long offset = src == null ? -1 : f == null ? src.offset() : f.offset;
        diagnostics.add(new Diagnostic(table, instance, offset, severity, String.format(format, args)));
    }

    /** Records that a value depends on state the model does not have. */
    void unknown(String reason) {
        unknownCount++;
        lastUnknown = reason;
        if (unknowns.size() < 64) {
            unknowns.add(reason);
        }
    }
}
