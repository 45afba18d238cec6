package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a build logs and whether it fails, with xenacpi.failOnViolation true and false. */
class ViolationPolicyTest {

    private static final Path REPORT = Path.of("/r/index.html");

    private static final Gate GATE = new Gate(new Threshold(Severity.ERROR), StrategyRequirement.ANY);

    private static final Threshold.Hit MCFG = new Threshold.Hit(
            "board", new ReportFinding("MCFG.LENGTH", Severity.ERROR, "MCFG", 1, 0x24, "too short", "MCFG.length", ""));

    private static final Suppression UNUSED = new Suppression("MCFG.NO_SUCH_RULE", "", "", "", "kept by mistake");

    private static Gate.Decision decision(List<Threshold.Hit> firmware, List<String> strategy) {
        return new Gate.Decision(GATE, firmware, List.of(), List.of(), List.of(UNUSED), List.of(), strategy, 1);
    }

    @Test
    void theParameterChoosesThePolicy() {
        assertThat(ViolationPolicy.of(true)).isEqualTo(ViolationPolicy.FAIL);
        assertThat(ViolationPolicy.of(false)).isEqualTo(ViolationPolicy.WARN);
    }

    @Test
    void aPassingDecisionLogsOnlyItsNotesUnderEitherPolicy() {
        for (ViolationPolicy policy : ViolationPolicy.values()) {
            RecordingLog log = new RecordingLog();

            assertThat(policy.enforce(decision(List.of(), List.of()), REPORT, log))
                    .isEmpty();
            assertThat(log.lines())
                    .containsExactly(
                            "INFO: xenacpi: the suppression of MCFG.NO_SUCH_RULE matches no" + " finding; remove it");
        }
    }

    @Test
    void failLogsTheViolationsAsErrorsAndGivesTheFailureMessage() {
        RecordingLog log = new RecordingLog();
        Gate.Decision d = decision(List.of(MCFG), List.of("board: no simulated strategy boots Dom0"));

        Optional<String> failure = ViolationPolicy.FAIL.enforce(d, REPORT, log);

        assertThat(failure).contains(d.failureMessage(REPORT.toString()));
        assertThat(log.lines())
                .containsExactly(
                        "INFO: xenacpi: the suppression of MCFG.NO_SUCH_RULE matches no finding; remove it",
                        "ERROR: xenacpi: board: MCFG.LENGTH (error) MCFG#1 offset 0x24: too short",
                        "ERROR: xenacpi: strategy: board: no simulated strategy boots Dom0");
    }

    @Test
    void warnLogsTheViolationsAsWarningsAndSaysWhyTheBuildGoesOn() {
        RecordingLog log = new RecordingLog();

        Optional<String> failure = ViolationPolicy.WARN.enforce(decision(List.of(MCFG), List.of()), REPORT, log);

        assertThat(failure).isEmpty();
        assertThat(log.lines())
                .containsExactly(
                        "INFO: xenacpi: the suppression of MCFG.NO_SUCH_RULE matches no finding; remove it",
                        "WARN: xenacpi: board: MCFG.LENGTH (error) MCFG#1 offset 0x24: too short",
                        "WARN: xenacpi: 1 firmware findings at or above error and 0 unmet strategy requirements do not fail"
                                + " the build because xenacpi.failOnViolation is false; report at /r/index.html");
    }
}
