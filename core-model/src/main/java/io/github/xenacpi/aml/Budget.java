package io.github.xenacpi.aml;

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

    /** These limits without the wall-clock guard: every outcome is then decided by what the AML does. */
    public Budget withoutWallClock() {
        return new Budget(maxSteps, maxCallDepth, maxNesting, maxObjectBytes, Duration.ZERO);
    }

    /** Whether the wall-clock guard is on. */
    public boolean hasWallClock() {
        return !maxWallClock.isZero();
    }

    /** The limit that ended an evaluation. */
    public enum Limit {
        STEPS("step"), CALL_DEPTH("call depth"), NESTING("nesting"), OBJECT_SIZE("object size"),
        WALL_CLOCK("wall-clock");

        private final String label;

        Limit(String label) {
            this.label = label;
        }

        /** The words used in findings. */
        public String label() {
            return label;
        }
    }
}
