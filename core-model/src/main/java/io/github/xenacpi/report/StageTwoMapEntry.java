package io.github.xenacpi.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part of a platform's predicted stage-2 map after boot, stated once for every strategy that leaves it: the ranges
 * one path ({@code ram}, {@code acpi-table}, {@code premap}, {@code hypercall}, {@code fault}) mapped for one asker
 * under the same strategies, each range as {@code [base, length]} in {@code "0x…"}, with their total number of 4 KiB
 * pages. Expanding every entry over its strategies gives back each strategy's {@link StrategyReport#stageTwoMap()}
 * exactly; a strategy's ranges are not in its mapping order when another strategy mapped them in another order.
 */
@JsonPropertyOrder({"origin", "source", "strategies", "pages", "ranges"})
public record StageTwoMapEntry(
        String origin, String source, List<String> strategies, long pages, List<List<String>> ranges) {

    public StageTwoMapEntry {
        strategies = List.copyOf(strategies);
        ranges = ranges.stream().map(List::copyOf).toList();
    }

    /**
     * The strategies' maps with each range stated once: ranges are first tied to the strategies that map them by the
     * same path for the same asker, then gathered by path, asker and strategies, in the order they first appear.
     */
    public static List<StageTwoMapEntry> of(List<StrategyReport> strategies) {
        Map<StrategyReport.MappedRange, List<String>> byRange = new LinkedHashMap<>();
        for (StrategyReport s : strategies) {
            for (StrategyReport.MappedRange r : s.stageTwoMap()) {
                List<String> names = byRange.computeIfAbsent(r, k -> new ArrayList<>());
                if (!names.contains(s.strategy())) {
                    names.add(s.strategy());
                }
            }
        }
        Map<List<Object>, List<StrategyReport.MappedRange>> groups = new LinkedHashMap<>();
        byRange.forEach(
                (r, names) -> groups.computeIfAbsent(List.of(r.origin(), r.source(), names), k -> new ArrayList<>())
                        .add(r));
        List<StageTwoMapEntry> out = new ArrayList<>(groups.size());
        groups.forEach((key, ranges) -> out.add(new StageTwoMapEntry(
                ranges.get(0).origin(),
                ranges.get(0).source(),
                byRange.get(ranges.get(0)),
                ranges.stream().mapToLong(StrategyReport.MappedRange::pages).sum(),
                ranges.stream().map(r -> List.of(r.base(), r.length())).toList())));
        return List.copyOf(out);
    }
}
