package io.github.xenacpi.api;

import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What fails a build, for two audiences: the firmware vendor's findings (table defects, a project's failed
 * conformance tests) at or above the {@link Threshold}, and the integrator's strategy outcome against the
 * {@link StrategyRequirement}. Dom0 strategy outcomes never count as firmware findings. The only place that
 * tells the two apart in the report model.
 */
public record Gate(Threshold threshold, StrategyRequirement requirement) {

    public Gate {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(requirement, "requirement");
    }

    /** Whether a finding is about the firmware (a table defect, a failed project test), not a strategy outcome. */
    public static boolean isFirmwareFinding(ReportFinding f) {
        return f.strategy().isEmpty();
    }

    /** What the gate decides on a report. */
    public Decision decide(ConformanceReport report) {
        List<Threshold.Hit> hits = threshold.hits(report);
        List<String> strategy = new ArrayList<>();
        for (PlatformReport p : report.platforms()) {
            requirement.unmetBy(p).ifPresent(strategy::add);
        }
        return new Decision(this, hits, strategy, report.platforms().size());
    }

    /**
     * The gate's decision: the firmware findings that reach the threshold, and each platform whose strategy outcome
     * misses the requirement.
     */
    public record Decision(Gate gate, List<Threshold.Hit> firmware, List<String> strategy, int platforms) {

        public Decision {
            firmware = List.copyOf(firmware);
            strategy = List.copyOf(strategy);
        }

        /** Whether the build fails. */
        public boolean fails() {
            return !firmware.isEmpty() || !strategy.isEmpty();
        }

        /** The lines a goal logs: each platform's first firmware findings, then each unmet strategy requirement. */
        public List<String> logLines() {
            List<String> out = new ArrayList<>(Threshold.logLines(firmware, Threshold.LOGGED_PER_PLATFORM));
            strategy.forEach(s -> out.add("strategy: " + s));
            return out;
        }

        /** The failure message: what failed on each side, and where the report lies. */
        public String failureMessage(String reportLocation) {
            StringBuilder m = new StringBuilder();
            if (!firmware.isEmpty()) {
                m.append(gate.threshold().failureMessage(firmware, platforms, reportLocation));
            }
            if (!strategy.isEmpty()) {
                m.append(m.length() == 0 ? "" : "\n").append("strategy outcome: ")
                        .append(StrategyRequirement.PROPERTY).append('=').append(gate.requirement().describe())
                        .append(" is not met on ").append(strategy.size()).append(" of ").append(platforms)
                        .append(platforms == 1 ? " platform:" : " platforms:");
                strategy.forEach(s -> m.append("\n  ").append(s));
                m.append("\nSee ").append(reportLocation).append(" (set ").append(StrategyRequirement.PROPERTY)
                        .append("=any|none|STRATEGY-ID to change this)");
            }
            return m.toString();
        }
    }
}
