package io.github.xenacpi.api;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.conformance.Profile;
import io.github.xenacpi.conformance.Rule;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import java.util.List;
import java.util.Set;

/** The rule a failed project conformance test is reported under, and its findings. */
final class ConformanceTestRule {

    /** A project's own test, annotated {@code @XenPlatform}, fails on the platform. */
    static final Rule RULE = new Rule(
            "PROJECT.CONFORMANCE_TEST",
            Severity.ERROR,
            "A conformance test of the project fails on this platform",
            "The project states what its firmware must satisfy as JUnit tests run once per platform by the"
                    + " validate goal's conformanceTests parameter; a failure means this platform breaks it.",
            "The project's test class",
            "",
            Set.of(Profile.XEN_DOM0));

    private ConformanceTestRule() {}

    /** One error finding per failed test; the path is the test class, the message its display name and why. */
    static List<ReportFinding> findings(TestRun run) {
        return run.failures().stream()
                .map(f -> new ReportFinding(
                        RULE.id(), Severity.ERROR, "", 0, 0, f.displayName() + ": " + f.message(), f.className(), ""))
                .toList();
    }
}
