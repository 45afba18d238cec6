package io.github.xenacpi.aml.interp;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of one evaluation (a method or object evaluated from outside AML, with everything it calls): AML
 * steps (terms and statements executed), method call depth, nesting of terms and calls together (which bounds the
 * Java stack the interpreter uses), bytes of any one Buffer, Package or String created, and wall-clock time.
 * Exceeding a limit ends that evaluation with a finding naming the method and the limit.
 *
 * <p>The first four limits count what the AML does, so the same input always ends the same way. The wall clock is
 * a last-resort guard against AML whose every step is slow (copying megabytes per step), set well above what the
 * step limit lets any firmware we know take; when it ends an evaluation the finding says that the outcome depends on
 * the machine. {@link Duration#ZERO} turns it off ({@link #withoutWallClock}).
 *
 * <p>{@link #DEFAULT}: 200,000 steps, call depth 32, nesting 400, 4 MiB per object, 10 seconds. Firmware methods
 * evaluated at boot take a few hundred steps; ACPICA itself stops loops after 0xFFFF iterations
 * ({@code ACPI_MAX_LOOP_ITERATIONS}), well under the step limit's reach for real firmware.
 *
 * <p>Work is charged by what it touches, not only by steps: every byte an operator copies, converts, compares or
 * creates costs a step per 256 bytes ({@code BYTES_PER_STEP}), so a step that copies 4 MiB costs 16,384 steps and no
 * evaluation can run long on a few slow steps. Memory is bounded per evaluation (four objects of the largest size:
 * bytes of objects created in one evaluation) and time and memory per platform: all evaluations of one
 * interpreter (one platform's survey) share ten evaluations' steps, sixteen objects' bytes and three evaluations'
 * time, the steps and bytes growing with the number of namespace nodes (1,000 steps and 1 KiB a node), so that a
 * large real namespace is never cut short while AML that exhausts its budget in every method cannot multiply its
 * cost. This record states the limits; the interpreter's {@code Meter} charges work against them.
 */
public record Budget(long maxSteps, int maxCallDepth, int maxNesting, long maxObjectBytes, Duration maxWallClock) {

    /** The limits used when none are given. */
    public static final Budget DEFAULT = new Budget(200_000, 32, 400, 4L << 20, Duration.ofSeconds(10));

    public Budget {
        Objects.requireNonNull(maxWallClock, "maxWallClock");
        if (maxSteps <= 0 || maxCallDepth <= 0 || maxNesting <= 0 || maxObjectBytes <= 0) {
            throw new IllegalArgumentException("budget limits must be positive");
        }
        if (maxWallClock.isNegative()) {
            throw new IllegalArgumentException("the wall-clock limit must be zero (off) or positive");
        }
    }

    /** Bytes touched (copied, converted, compared, created) that cost one step. */
    static final int BYTES_PER_STEP = 256;
    /** Steps the platform budget grants per namespace node, besides {@code 10 x maxSteps}. */
    static final long PLATFORM_STEPS_PER_NODE = 1_000;
    /** Bytes the platform budget grants per namespace node, besides {@code 16 x maxObjectBytes}. */
    static final long PLATFORM_BYTES_PER_NODE = 1_024;

    /** Bytes of objects one evaluation may create in all: four objects of the largest size. */
    long maxEvaluationBytes() {
        return saturatingMultiply(maxObjectBytes, 4);
    }

    /** Steps all evaluations of a platform with this many namespace nodes may take together. */
    long platformSteps(int nodes) {
        return saturatingAdd(saturatingMultiply(maxSteps, 10), saturatingMultiply(PLATFORM_STEPS_PER_NODE, nodes));
    }

    /** Bytes of objects all evaluations of a platform with this many namespace nodes may create together. */
    long platformBytes(int nodes) {
        return saturatingAdd(
                saturatingMultiply(maxObjectBytes, 16), saturatingMultiply(PLATFORM_BYTES_PER_NODE, nodes));
    }

    /** Wall-clock time all evaluations of a platform may take together: three evaluations' worth (zero: off). */
    Duration platformWallClock() {
        return maxWallClock.multipliedBy(3);
    }

    private static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    /** These limits without the wall-clock guard: every outcome is then decided by what the AML does. */
    public Budget withoutWallClock() {
        return new Budget(maxSteps, maxCallDepth, maxNesting, maxObjectBytes, Duration.ZERO);
    }

    /** Whether the wall-clock guard is on. */
    boolean hasWallClock() {
        return !maxWallClock.isZero();
    }

    /** The limit that ended an evaluation. */
    public enum Limit {
        STEPS("step"),
        CALL_DEPTH("call depth"),
        NESTING("nesting"),
        OBJECT_SIZE("object size"),
        WALL_CLOCK("wall-clock"),
        MEMORY("memory"),
        PLATFORM_STEPS("platform step"),
        PLATFORM_MEMORY("platform memory"),
        PLATFORM_WALL_CLOCK("platform wall-clock");

        private final String label;

        Limit(String label) {
            this.label = label;
        }

        /** The words used in findings. */
        public String label() {
            return label;
        }

        /** Whether the limit is shared by all evaluations of a platform rather than one evaluation's own. */
        boolean platformWide() {
            return this == PLATFORM_STEPS || this == PLATFORM_MEMORY || this == PLATFORM_WALL_CLOCK;
        }

        /** Whether the limit is a time limit, whose outcome depends on the machine and its load. */
        boolean timed() {
            return this == WALL_CLOCK || this == PLATFORM_WALL_CLOCK;
        }
    }
}
