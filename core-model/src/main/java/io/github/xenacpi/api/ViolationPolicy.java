package io.github.xenacpi.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a build does with a {@link Gate.Decision} that fails ({@code xenacpi.failOnViolation}): {@link #FAIL} stops
 * it, {@link #WARN} only logs the violations. Either way the baseline's and the suppressions' notes are logged first.
 */
public enum ViolationPolicy {

    /** Violations fail the build: logged as errors, then the failure message. */
    FAIL,

    /** Violations are logged as warnings, with a line saying why they do not fail the build. */
    WARN;

    /** The property that chooses the policy ({@code true}: {@link #FAIL}). */
    public static final String PROPERTY = "xenacpi.failOnViolation";

    private static final String PREFIX = "xenacpi: ";

    /** The policy {@code failOnViolation} chooses. */
    public static ViolationPolicy of(boolean failOnViolation) {
        return failOnViolation ? FAIL : WARN;
    }

    /**
     * Logs the decision's notes, then its violations at this policy's level; returns the failure message (without
     * the {@code xenacpi: } prefix) when the build must fail.
     *
     * @param report the report file a person opens, named in the messages
     */
    public Optional<String> enforce(Gate.Decision decision, Path report, RunLog log) {
        decision.notes().forEach(line -> log.info(PREFIX + line));
        if (!decision.fails()) {
            return Optional.empty();
        }
        if (this == FAIL) {
            decision.logLines().forEach(line -> log.error(PREFIX + line));
            return Optional.of(decision.failureMessage(report.toString()));
        }
        decision.logLines().forEach(line -> log.warn(PREFIX + line));
        log.warn(PREFIX + decision.firmware().size() + " firmware findings at or above "
                + decision.gate().threshold().severity().label() + " and "
                + decision.strategy().size()
                + " unmet strategy requirements do not fail the build because " + PROPERTY + " is false; report at "
                + report);
        return Optional.empty();
    }
}
