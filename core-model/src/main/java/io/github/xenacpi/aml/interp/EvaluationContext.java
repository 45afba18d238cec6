package io.github.xenacpi.aml.interp;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import java.util.ArrayList;
import java.util.List;
import io.github.xenacpi.aml.AmlSource;

/**
 * The state of one evaluation from outside AML: its use of the {@link Budget} (and of the platform's share, kept by
 * the {@link AmlMachine}) and what it recorded.
 */
final class EvaluationContext {
    /** Steps between two looks at the clock. */
    private static final long CLOCK_STRIDE = 1024;

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
    /** Bytes of objects created in this evaluation. */
    long bytes;
    int callDepth;
    int nesting;
    private long nextClockCheck = CLOCK_STRIDE;
    private final Budget budget;
    private final AmlMachine.PlatformBudget platform;

    EvaluationContext(String rootPath, AmlSource rootSource, Budget budget, AmlMachine.PlatformBudget platform) {
        this.rootPath = rootPath;
        this.rootSource = rootSource;
        this.budget = budget;
        this.platform = platform;
        this.timed = budget.hasWallClock();
        this.deadline = timed ? System.nanoTime() + budget.maxWallClock().toNanos() : 0;
    }

    /** Counts one step against the step and wall-clock limits, this evaluation's and the platform's. */
    void step(Frame f) {
        charge(1, f);
    }

    /**
     * Charges the work of touching {@code count} bytes (copying, converting, comparing): one step per
     * {@link Budget#BYTES_PER_STEP} bytes or part of them.
     */
    void touch(long count, Frame f) {
        if (count > 0) {
            charge((count + Budget.BYTES_PER_STEP - 1) / Budget.BYTES_PER_STEP, f);
        }
    }

    /**
     * Checks an object about to be created against the object-size limit and charges its bytes to the memory
     * limits of the evaluation and the platform and its work to the step limits: called before the object is
     * built, so that nothing past a limit is ever allocated.
     */
    void allocate(long count, Frame f, String what) {
        checkSize(count, f, what);
        bytes += count;
        if (bytes > budget.maxEvaluationBytes()) {
            throw new BudgetHit(Budget.Limit.MEMORY, at(f), what + " of " + count + " bytes after "
                    + (bytes - count) + " bytes created, limit " + budget.maxEvaluationBytes());
        }
        if (platform != null) {
            platform.bytes += count;
            if (platform.bytes > platform.maxBytes) {
                throw new BudgetHit(Budget.Limit.PLATFORM_MEMORY, at(f), what + " of " + count
                        + " bytes; the platform's evaluations created " + (platform.bytes - count)
                        + " bytes before, limit " + platform.maxBytes);
            }
        }
        touch(count, f);
    }

    private void charge(long cost, Frame f) {
        steps += cost;
        if (steps > budget.maxSteps()) {
            throw new BudgetHit(Budget.Limit.STEPS, at(f));
        }
        if (platform != null) {
            platform.steps += cost;
            if (platform.steps > platform.maxSteps) {
                throw new BudgetHit(Budget.Limit.PLATFORM_STEPS, at(f), "limit " + platform.maxSteps
                        + " steps for all evaluations of the platform");
            }
        }
        if (steps >= nextClockCheck) {
            nextClockCheck = steps + CLOCK_STRIDE;
            long now = System.nanoTime();
            if (timed && now - deadline > 0) {
                throw new BudgetHit(Budget.Limit.WALL_CLOCK, at(f));
            }
            if (platform != null && platform.timed && now - platform.deadline > 0) {
                throw new BudgetHit(Budget.Limit.PLATFORM_WALL_CLOCK, at(f), "limit "
                        + budget.platformWallClock().toSeconds() + " s for all evaluations of the platform");
            }
        }
    }

    /** Enters one more level of nesting, within the nesting limit; {@link #exit} leaves it. */
    void enter(Frame f) {
        if (++nesting > budget.maxNesting()) {
            nesting--;
            throw new BudgetHit(Budget.Limit.NESTING, at(f));
        }
    }

    void exit() {
        nesting--;
    }

    static String where(Frame f) {
        return f == null ? "module-level code" : f.scope.path();
    }

    /** Where a limit was reached: the frame's method or scope, else the evaluation's root. */
    private String at(Frame f) {
        return f == null ? rootPath : f.scope.path();
    }

    /** Checks the size of an object about to be created against the object-size limit. */
    void checkSize(long count, Frame f, String what) {
        if (count < 0 || count > budget.maxObjectBytes()) {
            throw new BudgetHit(Budget.Limit.OBJECT_SIZE, at(f), what + " of " + Long.toUnsignedString(count)
                    + " bytes, limit " + budget.maxObjectBytes());
        }
    }
    /** Records a finding at the statement the frame runs (at the evaluation's root without a frame). */
    @FormatMethod
    void finding(Severity severity, Frame f, @FormatString String format, Object... args) {
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
