package io.github.xenacpi.api;

import io.github.xenacpi.conformance.Rule;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A check a front end adds to every platform of a {@link ValidationRun}, such as the project's own conformance
 * tests run once per platform by the Maven plugin; its findings join the platform's report under {@link #rule()}.
 */
public interface PlatformCheck {

    /** The rule the check's findings are reported under. */
    Rule rule();

    /**
     * Checks one platform.
     *
     * @param platform the platform
     * @param scratch  a folder the check may write into (a preset's tables as a file, for instance)
     * @param log      where the check says what it did
     * @throws ValidationException when the check cannot run at all
     */
    List<ReportFinding> check(PlatformSource platform, Path scratch, RunLog log) throws ValidationException;

    /**
     * Makes a front end's check when a validation's settings are read, after the parameters read before it: it may
     * log why there is none, or fail on a configuration it cannot run.
     */
    @FunctionalInterface
    interface Provider {

        /** No check. */
        Provider NONE = Optional::empty;

        /**
         * The check, or empty for none.
         *
         * @throws ValidationException when the check is asked for but cannot be made
         */
        Optional<PlatformCheck> get() throws ValidationException;
    }
}
