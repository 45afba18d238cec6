package io.github.xenacpi.report;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.Summary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lines a front end prints about a report, from the same model as every other format: per platform what it
 * was simulated with (each setting with its source), the firmware findings by severity, the strategy verdicts and
 * the recommendation (or that the input is damaged and no verdict stands, with the first loss); at the end the
 * verdict of every strategy on every platform as a text table.
 */
public final class ConsoleSummary {

    /** The prefix of every line, as a Maven log shows it. */
    static final String PREFIX = "xenacpi: ";

    private ConsoleSummary() {}

    /** Every line: each platform's, then the verdict table. */
    public static List<String> lines(ConformanceReport report) {
        List<String> out = new ArrayList<>();
        report.platforms().forEach(p -> out.addAll(platform(p)));
        out.addAll(end(report));
        return out;
    }

    /** One platform's lines: firmware findings, settings and sources, strategy verdicts and recommendation. */
    public static List<String> platform(PlatformReport p) {
        List<String> out = new ArrayList<>();
        String name = PREFIX + p.name() + ": ";
        out.add(name + p.tables().size() + " tables, " + p.count(Severity.ERROR) + " errors, "
                + p.count(Severity.WARNING) + " warnings, " + p.count(Severity.INFO)
                + " notes (firmware findings, for the firmware vendor)");
        out.add(name + "simulated with " + p.settings().line());
        out.add(name + verdict(p));
        if (p.grid() != null) {
            out.add(name + "Xen x Linux grid (SMMU " + p.grid().smmu().id() + "):");
            VersionGridTable.lines(p.grid()).forEach(line -> out.add("  " + line));
        }
        return out;
    }

    /** The platform's verdict across strategies in one line, for the Xen/Linux integrator. */
    static String verdict(PlatformReport p) {
        Summary s = p.summary();
        if (!p.complete()) {
            return "INCOMPLETE: the input is damaged (" + p.input().firstLoss()
                    + (p.input().losses().size() > 1
                            ? "; and " + (p.input().losses().size() - 1) + " more"
                            : "")
                    + "); no verdict and no recommendation until it is fixed";
        }
        if (s.notBuilt() != null) {
            return "NOT_BUILT: Xen " + p.settings().xen().value() + " refuses these tables and builds no Dom0 ("
                    + s.notBuilt().function() + ": " + s.notBuilt().reason()
                    + "); no strategy runs; the firmware vendor must act (XEN.DOM0.NOT_BUILT)";
        }
        String counts =
                "strategies: " + s.passing().size() + " pass, " + s.degraded().size() + " degraded, "
                        + s.failing().size() + " fail of " + p.strategies().size();
        return switch (s.status()) {
            case Summary.WORKS ->
                counts + "; recommended: " + s.recommended() + " (about "
                        + String.format(Locale.ROOT, "%,d", s.recommendedCost().estimatedMicros())
                        + " us added at boot)";
            case Summary.DEGRADED ->
                counts + "; recommended: " + s.recommended() + " (boots, with features lost or mappings refused)";
            default -> counts + "; no strategy works: the firmware or Xen must change";
        };
    }

    /** The closing lines: a legend, then one row per platform with each strategy's verdict. */
    public static List<String> end(ConformanceReport report) {
        VerdictTable table = new VerdictTable();
        report.platforms().forEach(table::add);
        return table.lines();
    }

    /**
     * The closing lines built platform by platform, for a run that hands its platforms over as they are validated:
     * each platform's name and verdict under each strategy, nothing else of its report.
     */
    public static final class VerdictTable {
        private final Set<String> strategies = new LinkedHashSet<>();
        private final List<String> names = new ArrayList<>();
        private final List<Map<String, String>> verdicts = new ArrayList<>();

        /** Takes in one platform's row. */
        public void add(PlatformReport p) {
            Map<String, String> row = new HashMap<>();
            for (StrategyReport s : p.strategies()) {
                strategies.add(s.strategy());
                row.putIfAbsent(s.strategy(), p.complete() ? s.verdict() : "INCOMPLETE");
            }
            names.add(p.name());
            verdicts.add(row);
        }

        /** The legend, then one row per platform taken in; none when no platform was. */
        public List<String> lines() {
            if (names.isEmpty()) {
                return List.of();
            }
            List<String> ids = List.copyOf(strategies);
            int nameWidth = Math.max(
                    "platform".length(),
                    names.stream().mapToInt(String::length).max().orElse(0));
            List<Integer> widths = ids.stream()
                    .map(s -> Math.max(s.length(), "INCOMPLETE".length()))
                    .toList();
            List<String> out = new ArrayList<>();
            out.add(PREFIX + "verdicts (PASS: Dom0 boots with every feature; DEGRADED: features lost or mappings"
                    + " refused; FAIL: Dom0 aborts or DMA faults; INCOMPLETE: damaged input, no verdict; NOT_BUILT:"
                    + " Xen refuses the tables, no Dom0):");
            StringBuilder header = new StringBuilder("  ").append(pad("platform", nameWidth));
            for (int i = 0; i < ids.size(); i++) {
                header.append("  ").append(pad(ids.get(i), widths.get(i)));
            }
            out.add(header.toString().stripTrailing());
            for (int p = 0; p < names.size(); p++) {
                StringBuilder row = new StringBuilder("  ").append(pad(names.get(p), nameWidth));
                for (int i = 0; i < ids.size(); i++) {
                    row.append("  ").append(pad(verdicts.get(p).getOrDefault(ids.get(i), "-"), widths.get(i)));
                }
                out.add(row.toString().stripTrailing());
            }
            return out;
        }
    }

    private static String pad(String s, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s", s);
    }
}
