package io.github.xenacpi.api;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What fails a build, for two audiences: the firmware vendor's findings (table defects, a project's failed
 * conformance tests) at or above the {@link Threshold}, and the integrator's strategy outcome against the
 * {@link StrategyRequirement}. Dom0 strategy outcomes never count as firmware findings. The only place that
 * tells the two apart in the report model.
 */
public record Gate(
        Threshold threshold, StrategyRequirement requirement, Baseline baseline, List<Suppression> suppressions) {

    public Gate {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(baseline, "baseline");
        suppressions = List.copyOf(suppressions);
    }

    /** A gate without baseline and suppressions. */
    public Gate(Threshold threshold, StrategyRequirement requirement) {
        this(threshold, requirement, Baseline.EMPTY, List.of());
    }

    /** Whether a finding is about the firmware (a table defect, a failed project test), not a strategy outcome. */
    public static boolean isFirmwareFinding(ReportFinding f) {
        return f.strategy().isEmpty();
    }

    /**
     * What the gate decides on a report: each firmware finding at or above the threshold is suppressed (a
     * suppression matches it), known (its id is in the baseline) or new, and only new ones fail the build.
     */
    public Decision decide(ConformanceReport report) {
        Tally tally = tally();
        report.platforms().forEach(tally::add);
        return tally.decide();
    }

    /** A reading of the platforms one at a time, for a run that hands them over as they are validated. */
    public Tally tally() {
        return new Tally();
    }

    /**
     * The gate's reading of a run's platforms, taken one at a time: what {@link #decide} needs of each (its firmware
     * findings at or above the threshold, the ids of all its findings, whether the strategy requirement holds), so
     * that a run need not keep its whole report to be decided.
     */
    public final class Tally {
        private final Set<String> accepted = baseline.ids();
        private final Set<String> seen = new HashSet<>();
        private final Set<Suppression> used = new HashSet<>();
        private final List<Threshold.Hit> failing = new ArrayList<>();
        private final List<Threshold.Hit> known = new ArrayList<>();
        private final List<Suppressed> suppressed = new ArrayList<>();
        private final List<String> strategy = new ArrayList<>();
        private int platforms;

        private Tally() {}

        /** Reads one platform's report. */
        public void add(PlatformReport p) {
            for (Threshold.Hit h : new Threshold(Severity.INFO).hits(p)) {
                seen.add(FindingId.of(h.platform(), h.finding()));
                suppressions.stream().filter(s -> s.matches(h)).forEach(used::add);
            }
            for (Threshold.Hit h : threshold.hits(p)) {
                Optional<Suppression> s =
                        suppressions.stream().filter(x -> x.matches(h)).findFirst();
                if (s.isPresent()) {
                    suppressed.add(new Suppressed(h, s.get()));
                } else if (accepted.contains(FindingId.of(h.platform(), h.finding()))) {
                    known.add(h);
                } else {
                    failing.add(h);
                }
            }
            requirement.unmetBy(p).ifPresent(strategy::add);
            platforms++;
        }

        /** What the gate decides on the platforms read so far. */
        public Decision decide() {
            List<Suppression> unused =
                    suppressions.stream().filter(s -> !used.contains(s)).toList();
            List<Baseline.Entry> gone = baseline.findings().stream()
                    .filter(e -> !seen.contains(e.id()))
                    .toList();
            return new Decision(Gate.this, failing, known, suppressed, unused, gone, strategy, platforms);
        }
    }

    /** A finding a suppression matched. */
    public record Suppressed(Threshold.Hit hit, Suppression by) {}

    /**
     * The gate's decision: the firmware findings that reach the threshold, and each platform whose strategy outcome
     * misses the requirement.
     */
    public record Decision(
            Gate gate,
            List<Threshold.Hit> firmware,
            List<Threshold.Hit> known,
            List<Suppressed> suppressed,
            List<Suppression> unused,
            List<Baseline.Entry> gone,
            List<String> strategy,
            int platforms) {

        public Decision {
            firmware = List.copyOf(firmware);
            known = List.copyOf(known);
            suppressed = List.copyOf(suppressed);
            unused = List.copyOf(unused);
            gone = List.copyOf(gone);
            strategy = List.copyOf(strategy);
        }

        /**
         * What the baseline and the suppressions did, for the log: known findings, suppressed ones with their
         * reasons, baseline findings that are gone, suppressions that match nothing.
         */
        public List<String> notes() {
            List<String> out = new ArrayList<>();
            if (!known.isEmpty()) {
                out.add(known.size() + " known finding" + (known.size() == 1 ? "" : "s") + " (in the baseline," + " "
                        + Baseline.PROPERTY + ") do not fail the build");
            }
            Map<Suppression, Integer> counts = new LinkedHashMap<>();
            suppressed.forEach(s -> counts.merge(s.by(), 1, Integer::sum));
            counts.forEach((s, n) ->
                    out.add(n + " finding" + (n == 1 ? "" : "s") + " suppressed: " + s.describe() + ": " + s.reason()));
            if (!gone.isEmpty()) {
                out.add(gone.size() + " finding" + (gone.size() == 1 ? " of the baseline is" : "s of the baseline are")
                        + " gone; run xenacpi:baseline to drop " + (gone.size() == 1 ? "it" : "them"));
            }
            unused.forEach(s -> out.add("the suppression of " + s.describe() + " matches no finding; remove it"));
            return out;
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
                m.append(m.length() == 0 ? "" : "\n")
                        .append("strategy outcome: ")
                        .append(StrategyRequirement.PROPERTY)
                        .append('=')
                        .append(gate.requirement().describe())
                        .append(" is not met on ")
                        .append(strategy.size())
                        .append(" of ")
                        .append(platforms)
                        .append(platforms == 1 ? " platform:" : " platforms:");
                strategy.forEach(s -> m.append("\n  ").append(s));
                m.append("\nSee ")
                        .append(reportLocation)
                        .append(" (set ")
                        .append(StrategyRequirement.PROPERTY)
                        .append("=any|none|STRATEGY-ID to change this)");
            }
            return m.toString();
        }
    }
}
