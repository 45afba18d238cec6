package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdTest {

    @Test
    void parsesTheSeverityLabels() throws Exception {
        assertThat(Threshold.parse("error").severity()).isEqualTo(Severity.ERROR);
        assertThat(Threshold.parse(" Warning ").severity()).isEqualTo(Severity.WARNING);
        assertThatThrownBy(() -> Threshold.parse("fatal"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("xenacpi.failOn")
                .hasMessageContaining("[error, warning, info]");
    }

    @Test
    void aThresholdIsReachedByItsSeverityAndTheMoreSeriousOnes() {
        Threshold warning = new Threshold(Severity.WARNING);

        assertThat(warning.reachedBy(Severity.ERROR)).isTrue();
        assertThat(warning.reachedBy(Severity.WARNING)).isTrue();
        assertThat(warning.reachedBy(Severity.INFO)).isFalse();
    }

    @Test
    void theFailureMessageCountsQuotesTheFirstFindingsAndSaysWhereTheReportIs() {
        List<Threshold.Hit> hits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            hits.add(new Threshold.Hit(
                    i < 6 ? "board" : "other",
                    new ReportFinding(
                            "MCFG.LENGTH", Severity.ERROR, "MCFG", 1, 0x24 + i, "too short " + i, "MCFG.length", "")));
        }

        String message = new Threshold(Severity.ERROR).failureMessage(hits, 3, "/r/index.html");

        assertThat(message)
                .startsWith("7 findings at or above error on 2 of 3 platforms:")
                .contains("board: MCFG.LENGTH (error) MCFG#1 offset 0x24: too short 0")
                .doesNotContain("too short 5")
                .contains("... and 2 more")
                .contains("See /r/index.html");
    }

    @Test
    void aFindingWithoutATableOrOffsetSaysSo() {
        ReportFinding missing = new ReportFinding(
                "SBBR.TABLE.PPTT.REQUIRED", Severity.ERROR, "PPTT", 0, -1, "missing", "", "stage2-fault");

        assertThat(new Threshold.Hit("b", missing).describe())
                .isEqualTo("b: SBBR.TABLE.PPTT.REQUIRED (error) PPTT#0 under stage2-fault: missing");
    }

    @Test
    void theLogShowsAFewFindingsPerPlatformAndCountsTheRest() {
        List<Threshold.Hit> hits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            hits.add(new Threshold.Hit("board", new ReportFinding("R.X", Severity.ERROR, "", 0, 0, "m" + i, "", "")));
        }

        assertThat(Threshold.logLines(hits, 2))
                .containsExactly(
                        "board: R.X (error): m0",
                        "board: R.X (error): m1",
                        "board: 2 more findings, listed in the report");
    }
}
