package io.github.xenacpi.api;

import io.github.xenacpi.conformance.Rule;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import java.nio.file.Path;
import java.util.List;

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
}
