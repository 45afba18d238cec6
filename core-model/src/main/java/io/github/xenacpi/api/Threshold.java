package io.github.xenacpi.api;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The lowest severity that fails the build ({@code failOn}), and the findings of a report that reach it. */
public record Threshold(Severity severity) {

    /** How many findings per platform a goal logs; the report has them all. */
    public static final int LOGGED_PER_PLATFORM = 5;

    /** How many findings a failure message quotes. */
    static final int QUOTED = 5;

    /** A finding with the platform it was found on. */
    public record Hit(String platform, ReportFinding finding) {

        /** One line: platform, rule, severity, where and what. */
        public String describe() {
            ReportFinding f = finding;
            String offset = f.offset() < 0 ? "" : String.format(Locale.ROOT, " offset 0x%X", f.offset());
            String where = f.table().isEmpty() ? "" : " " + f.table() + "#" + f.instance() + offset;
            String strategy = f.strategy().isEmpty() ? "" : " under " + f.strategy();
            return platform + ": " + f.ruleId() + " (" + f.severity().label() + ")" + where + strategy + ": "
                    + f.message();
        }
    }

    /** Parses {@code error}, {@code warning} or {@code info}. */
    public static Threshold parse(String text) throws ValidationException {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Severity s : Severity.values()) {
            if (s.label().equals(t)) {
                return new Threshold(s);
            }
        }
        throw new ValidationException("xenacpi.failOn: \"" + text + "\" is no severity; use one of "
                + Arrays.stream(Severity.values()).map(Severity::label).toList());
    }

    /** Whether a finding's severity is at or above this threshold (error above warning above info). */
    public boolean reachedBy(Severity s) {
        return s.compareTo(severity) <= 0;
    }

    /**
     * Every firmware finding at or above the threshold, platform by platform; strategy outcomes are the
     * {@link Gate}'s other side and never count here.
     */
    public List<Hit> hits(ConformanceReport report) {
        List<Hit> out = new ArrayList<>();
        for (PlatformReport p : report.platforms()) {
            out.addAll(hits(p));
        }
        return out;
    }

    /** Every firmware finding of one platform at or above the threshold. */
    public List<Hit> hits(PlatformReport p) {
        List<Hit> out = new ArrayList<>();
        for (ReportFinding f : p.findings()) {
            if (Gate.isFirmwareFinding(f) && reachedBy(f.severity())) {
                out.add(new Hit(p.name(), f));
            }
        }
        return out;
    }

    /**
     * The lines a goal logs for the hits: each platform's first {@code perPlatform} hits, then how many more
     * that platform has (they are all in the report).
     */
    public static List<String> logLines(List<Hit> hits, int perPlatform) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Hit h : hits) {
            int n = seen.merge(h.platform(), 1, Integer::sum);
            if (n <= perPlatform) {
                out.add(h.describe());
            }
        }
        seen.forEach((platform, n) -> {
            if (n > perPlatform) {
                out.add(platform + ": " + (n - perPlatform) + " more findings, listed in the report");
            }
        });
        return out;
    }

    /** The failure message: the count, the first few findings, and where the report lies. */
    public String failureMessage(List<Hit> hits, int platforms, String reportLocation) {
        long affected = hits.stream().map(Hit::platform).distinct().count();
        StringBuilder m = new StringBuilder()
                .append(hits.size())
                .append(hits.size() == 1 ? " finding" : " findings")
                .append(" at or above ")
                .append(severity.label())
                .append(" on ")
                .append(affected)
                .append(" of ")
                .append(platforms)
                .append(platforms == 1 ? " platform" : " platforms")
                .append(':');
        hits.stream().limit(QUOTED).forEach(h -> m.append("\n  ").append(h.describe()));
        if (hits.size() > QUOTED) {
            m.append("\n  ... and ").append(hits.size() - QUOTED).append(" more");
        }
        m.append("\nSee ")
                .append(reportLocation)
                .append(" (set xenacpi.failOn=error|warning|info or xenacpi.failOnViolation=false to change this)");
        return m.toString();
    }
}
