package io.github.xenacpi.report;

import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.simulation.VersionGrid;
import io.github.xenacpi.simulation.VersionGrid.Cell;
import io.github.xenacpi.simulation.VersionGrid.StrategyCell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A platform's Xen x Linux grid as console lines: one row per Xen, one column per Linux; a cell says how many
 * strategies boot Dom0 (and how many of those lose DMA or features), or that Xen refuses the tables, with the
 * refusals spelt out below the table.
 */
public final class VersionGridTable {

    private VersionGridTable() {}

    /** The table's lines, a legend line and one line per distinct refusal. */
    public static List<String> lines(VersionGrid grid) {
        List<String> out = new ArrayList<>();
        int xenWidth = Math.max(
                "Xen \\ Linux".length(),
                grid.xen().stream().mapToInt(x -> x.toString().length()).max().orElse(0));
        Map<String, String> refusals = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (XenVersion x : grid.xen()) {
            List<String> row = new ArrayList<>();
            for (LinuxVersion l : grid.linux()) {
                Cell c = grid.cell(x, l).orElseThrow();
                row.add(cell(c, grid.strategies().size(), refusals));
            }
            rows.add(row);
        }
        List<Integer> widths = new ArrayList<>();
        for (int i = 0; i < grid.linux().size(); i++) {
            int w = grid.linux().get(i).toString().length();
            for (List<String> row : rows) {
                w = Math.max(w, row.get(i).length());
            }
            widths.add(w);
        }
        StringBuilder header = new StringBuilder(pad("Xen \\ Linux", xenWidth));
        for (int i = 0; i < grid.linux().size(); i++) {
            header.append("  ").append(pad(grid.linux().get(i).toString(), widths.get(i)));
        }
        out.add(header.toString().stripTrailing());
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder(pad(grid.xen().get(r).toString(), xenWidth));
            for (int i = 0; i < rows.get(r).size(); i++) {
                line.append("  ").append(pad(rows.get(r).get(i), widths.get(i)));
            }
            out.add(line.toString().stripTrailing());
        }
        out.add("(n/" + grid.strategies().size() + " boot: the strategies under which Dom0 boots; of those, how"
                + " many lose DMA or features)");
        refusals.forEach(
                (mark, why) -> out.add(mark + " Xen refuses these tables, the firmware vendor must act: " + why));
        return out;
    }

    private static String cell(Cell c, int strategies, Map<String, String> refusals) {
        if (!c.built()) {
            // One legend line per refusal, whatever Xen release of the row says it.
            String why = c.notBuilt().replace("Xen " + c.xen() + " ", "Xen ");
            String mark = refusals.entrySet().stream()
                    .filter(e -> e.getValue().equals(why))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
            if (mark == null) {
                mark = "[" + (char) ('A' + refusals.size() % 26) + "]";
                refusals.put(mark, why);
            }
            return "refused " + mark;
        }
        List<StrategyCell> booting =
                c.strategies().stream().filter(StrategyCell::boots).toList();
        long dma = booting.stream().filter(StrategyCell::losesDma).count();
        long feat = booting.stream().filter(StrategyCell::losesFeatures).count();
        List<String> losses = new ArrayList<>();
        if (dma > 0) {
            losses.add(dma + " lose DMA");
        }
        if (feat > 0) {
            losses.add(feat + " lose features");
        }
        return booting.size() + "/" + strategies + " boot"
                + (losses.isEmpty() ? "" : " (" + String.join(", ", losses) + ")");
    }

    private static String pad(String s, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s", s);
    }
}
