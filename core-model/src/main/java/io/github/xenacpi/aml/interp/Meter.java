package io.github.xenacpi.aml.interp;

/**
 * Charges one interpreter's evaluations against their {@link Budget}: the steps, bytes created, nesting and call
 * depth of the evaluation under way, and what all evaluations of the platform spend together (steps, bytes, and
 * time from the first evaluation; their limits grow with the number of namespace nodes). Reaching a limit throws a
 * {@link BudgetHit}, which ends the evaluation. {@link #begin} starts each evaluation's count; evaluations do not
 * nest.
 */
final class Meter {
    /** Steps between two looks at the clock. */
    private static final long CLOCK_STRIDE = 1024;

    private final Budget budget;
    private final long platformMaxSteps;
    private final long platformMaxBytes;
    private final boolean platformTimed;
    private final long platformWallClockNanos;
    private long platformSteps;
    private long platformBytes;
    private long platformDeadline;
    private boolean started;

    /** The evaluation under way: where limits are reported without a frame, and what it has spent. */
    private String rootPath;

    private boolean timed;
    private long deadline;
    private long steps;
    /** Bytes of objects created in this evaluation. */
    private long bytes;

    private int callDepth;
    private int nesting;
    private long nextClockCheck;

    /** A meter for the evaluations of a platform whose namespace has {@code nodes} nodes. */
    Meter(Budget budget, int nodes) {
        this.budget = budget;
        this.platformMaxSteps = budget.platformSteps(nodes);
        this.platformMaxBytes = budget.platformBytes(nodes);
        this.platformTimed = budget.hasWallClock();
        this.platformWallClockNanos = budget.platformWallClock().toNanos();
    }

    /**
     * Starts the count of an evaluation of {@code path}: nothing spent yet, its deadline from now; and the platform's
     * clock at its first evaluation.
     */
    void begin(String path) {
        rootPath = path;
        timed = budget.hasWallClock();
        deadline = timed ? System.nanoTime() + budget.maxWallClock().toNanos() : 0;
        steps = 0;
        bytes = 0;
        callDepth = 0;
        nesting = 0;
        nextClockCheck = CLOCK_STRIDE;
        if (!started) {
            started = true;
            platformDeadline = System.nanoTime() + platformWallClockNanos;
        }
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
            throw new BudgetHit(
                    Budget.Limit.MEMORY,
                    at(f),
                    what + " of " + count + " bytes after " + (bytes - count) + " bytes created, limit "
                            + budget.maxEvaluationBytes());
        }
        platformBytes += count;
        if (platformBytes > platformMaxBytes) {
            throw new BudgetHit(
                    Budget.Limit.PLATFORM_MEMORY,
                    at(f),
                    what + " of " + count
                            + " bytes; the platform's evaluations created " + (platformBytes - count)
                            + " bytes before, limit " + platformMaxBytes);
        }
        touch(count, f);
    }

    private void charge(long cost, Frame f) {
        steps += cost;
        if (steps > budget.maxSteps()) {
            throw new BudgetHit(Budget.Limit.STEPS, at(f));
        }
        platformSteps += cost;
        if (platformSteps > platformMaxSteps) {
            throw new BudgetHit(
                    Budget.Limit.PLATFORM_STEPS,
                    at(f),
                    "limit " + platformMaxSteps + " steps for all evaluations of the platform");
        }
        if (steps >= nextClockCheck) {
            nextClockCheck = steps + CLOCK_STRIDE;
            long now = System.nanoTime();
            if (timed && now - deadline > 0) {
                throw new BudgetHit(Budget.Limit.WALL_CLOCK, at(f));
            }
            if (platformTimed && now - platformDeadline > 0) {
                throw new BudgetHit(
                        Budget.Limit.PLATFORM_WALL_CLOCK,
                        at(f),
                        "limit " + budget.platformWallClock().toSeconds() + " s for all evaluations of the platform");
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

    /** Leaves the level of nesting {@link #enter} entered. */
    void exit() {
        nesting--;
    }

    /** Checks that one more method call stays within the call-depth limit, before the method is prepared. */
    void checkCallDepth(String method) {
        if (callDepth >= budget.maxCallDepth()) {
            throw new BudgetHit(Budget.Limit.CALL_DEPTH, method);
        }
    }

    /** Enters the frame of a called method: one more call deep and one more level of nesting. */
    void enterCall(Frame f) {
        callDepth++;
        enter(f);
    }

    /** Leaves the frame {@link #enterCall} entered. */
    void exitCall() {
        exit();
        callDepth--;
    }

    /** Where a limit was reached: the frame's method or scope, else the evaluation's root. */
    private String at(Frame f) {
        return f == null ? rootPath : f.scope.path();
    }

    /** Checks the size of an object about to be created against the object-size limit. */
    private void checkSize(long count, Frame f, String what) {
        if (count < 0 || count > budget.maxObjectBytes()) {
            throw new BudgetHit(
                    Budget.Limit.OBJECT_SIZE,
                    at(f),
                    what + " of " + Long.toUnsignedString(count) + " bytes, limit " + budget.maxObjectBytes());
        }
    }
}
