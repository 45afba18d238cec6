package io.github.xenacpi.report;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.Summary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
        List<PlatformReport> platforms = report.platforms();
        if (platforms.isEmpty()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        platforms.forEach(p -> p.strategies().forEach(s -> ids.add(s.strategy())));
        List<String> strategies = List.copyOf(ids);
        int nameWidth = Math.max(
                "platform".length(),
                platforms.stream().mapToInt(p -> p.name().length()).max().orElse(0));
        List<Integer> widths = strategies.stream()
                .map(s -> Math.max(s.length(), "INCOMPLETE".length()))
                .toList();
        List<String> out = new ArrayList<>();
        out.add(PREFIX + "verdicts (PASS: Dom0 boots with every feature; DEGRADED: features lost or mappings"
                + " refused; FAIL: Dom0 aborts or DMA faults; INCOMPLETE: damaged input, no verdict; NOT_BUILT: Xen"
                + " refuses the tables, no Dom0):");
        StringBuilder header = new StringBuilder("  ").append(pad("platform", nameWidth));
        for (int i = 0; i < strategies.size(); i++) {
            header.append("  ").append(pad(strategies.get(i), widths.get(i)));
        }
        out.add(header.toString().stripTrailing());
        for (PlatformReport p : platforms) {
            StringBuilder row = new StringBuilder("  ").append(pad(p.name(), nameWidth));
            for (int i = 0; i < strategies.size(); i++) {
                String id = strategies.get(i);
                String verdict = p.strategy(id)
                        .map(s -> p.complete() ? s.verdict() : "INCOMPLETE")
                        .orElse("-");
                row.append("  ").append(pad(verdict, widths.get(i)));
            }
            out.add(row.toString().stripTrailing());
        }
        return out;
    }

    private static String pad(String s, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s", s);
    }
}
