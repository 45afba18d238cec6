package io.github.xenacpi.api;

import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.simulation.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The verdict of every strategy on every platform as a text table: one row per platform, one column per strategy. */
public final class VerdictMatrix {

    private VerdictMatrix() {
    }

    /** The table's lines: a header of strategy ids, then per platform its name and each strategy's verdict. */
    public static List<String> lines(ConformanceReport report) {
        List<PlatformReport> platforms = report.platforms();
        if (platforms.isEmpty()) {
            return List.of();
        }
        List<String> strategies = platforms.get(0).results().stream().map(SimulationResult::strategy).toList();
        int nameWidth = Math.max("platform".length(),
                platforms.stream().mapToInt(p -> p.name().length()).max().orElse(0));
        List<Integer> widths = strategies.stream().map(s -> Math.max(s.length(), "NOT_BUILT".length())).toList();
        List<String> out = new ArrayList<>();
        StringBuilder header = new StringBuilder(pad("platform", nameWidth));
        for (int i = 0; i < strategies.size(); i++) {
            header.append("  ").append(pad(strategies.get(i), widths.get(i)));
        }
        out.add(header.toString().stripTrailing());
        for (PlatformReport p : platforms) {
            StringBuilder row = new StringBuilder(pad(p.name(), nameWidth));
            for (int i = 0; i < strategies.size(); i++) {
                String id = strategies.get(i);
                String verdict = p.results().stream().filter(r -> r.strategy().equals(id)).findFirst()
                        .map(r -> r.verdict().name()).orElse("-");
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
