package io.github.xenacpi.report;

import io.github.xenacpi.dom0.BootEvent;
import io.github.xenacpi.dom0.BootStage;
import io.github.xenacpi.report.HtmlReport.Chip;
import io.github.xenacpi.report.HtmlReport.EventRow;
import io.github.xenacpi.report.HtmlReport.Lane;
import io.github.xenacpi.simulation.Outcome;
import io.github.xenacpi.simulation.SimulationResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Dom0's boot events, one lane per boot stage in boot order. In a lane, the events of one kernel function on one
 * region kind fold into one chip (in the order of their first event) that shows the worst of their outcomes under
 * each strategy, so that a boot of hundreds of events reads at a glance; the event rows keep the exact order and
 * fold only runs of alike consecutive events (same API, kernel call, function, region kind and results).
 */
record BootTimeline(List<Lane> lanes, List<EventRow> rows) {

    BootTimeline {
        lanes = List.copyOf(lanes);
        rows = List.copyOf(rows);
    }

    /** The timeline of one platform's simulations, every strategy's result riding on each chip and row. */
    static BootTimeline of(List<SimulationResult> sims) {
        if (sims.isEmpty()) {
            return new BootTimeline(List.of(), List.of());
        }
        List<Map<Integer, String>> byOrder = new ArrayList<>();
        for (SimulationResult s : sims) {
            Map<Integer, String> m = new HashMap<>();
            for (Outcome o : s.outcomes()) {
                m.put(o.event().order(), o.result().id());
            }
            byOrder.add(m);
        }
        List<Run> runs = new ArrayList<>();
        for (Outcome o : sims.get(0).outcomes()) {
            BootEvent e = o.event();
            List<String> results = new ArrayList<>();
            for (Map<Integer, String> m : byOrder) {
                results.add(m.getOrDefault(e.order(), "untouched"));
            }
            String key = e.stage() + "|" + e.api() + "|" + e.kernelApi() + "|" + e.function() + "|" + e.kind() + "|"
                    + results;
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.key().equals(key)) {
                runs.set(runs.size() - 1, last.plus(e));
            } else {
                runs.add(new Run(key, e, e, 1, String.join(" ", results)));
            }
        }
        List<Lane> lanes = new ArrayList<>();
        List<EventRow> rows = new ArrayList<>();
        for (BootStage stage : BootStage.values()) {
            Map<String, Fold> folds = new LinkedHashMap<>();
            for (Run r : runs) {
                if (r.first().stage() == stage) {
                    rows.add(r.row());
                    folds.merge(r.first().kind() + "|" + r.first().function(), Fold.of(r), Fold::plus);
                }
            }
            if (!folds.isEmpty()) {
                lanes.add(new Lane(
                        stageName(stage),
                        note(stage),
                        folds.values().stream().map(Fold::chip).toList()));
            }
        }
        return new BootTimeline(lanes, rows);
    }

    /** The stage as the kernel spells it, such as {@code subsys_initcall}. */
    static String stageName(BootStage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }

    /** A few words on what the stage is, for a reader who does not know the kernel's boot order. */
    private static String note(BootStage stage) {
        return switch (stage) {
            case SETUP_ARCH -> "early setup: interrupt controller, ACPI tables";
            case ACPI_EARLY_INIT -> "ACPI namespace load";
            case TIME_INIT -> "timers";
            case ARCH_INITCALL -> "Xen's device hooks start here";
            case SUBSYS_INITCALL -> "ACPI devices, PCI buses, IOMMU";
            case RUNTIME -> "after boot: errors, mailboxes";
            default -> "";
        };
    }

    /** A run of alike consecutive events: the first and last, how many, and their results. */
    private record Run(String key, BootEvent first, BootEvent last, int count, String results) {

        Run plus(BootEvent e) {
            return new Run(key, first, e, count + 1, results);
        }

        String orders() {
            return count == 1 ? Integer.toString(first.order()) : first.order() + "\u2013" + last.order();
        }

        String region() {
            String where = HtmlReport.hex(first.base());
            return first.kind().name() + " " + (count == 1 ? where : where + "\u2026" + HtmlReport.hex(last.base()));
        }

        EventRow row() {
            return new EventRow(
                    orders(),
                    stageName(first.stage()),
                    first.api().name().toLowerCase(Locale.ROOT),
                    first.kernelApi(),
                    first.function(),
                    region(),
                    first.source(),
                    count,
                    results);
        }
    }

    /**
     * The events of one function on one region kind within a stage: the first, how many, the kernel calls and
     * APIs used, and per strategy the worst outcome among them.
     */
    private record Fold(BootEvent first, int count, List<String> calls, List<String> worst) {

        Fold {
            calls = List.copyOf(calls);
            worst = List.copyOf(worst);
        }

        static Fold of(Run r) {
            return new Fold(
                    r.first(),
                    r.count(),
                    List.of(r.first().kernelApi() + " ("
                            + r.first().api().name().toLowerCase(Locale.ROOT) + ")"),
                    List.of(r.results().split(" ")));
        }

        Fold plus(Fold other) {
            Set<String> both = new LinkedHashSet<>(calls);
            both.addAll(other.calls());
            List<String> w = new ArrayList<>();
            for (int i = 0; i < worst.size(); i++) {
                String a = worst.get(i);
                String b = i < other.worst().size() ? other.worst().get(i) : a;
                w.add(HtmlReport.rank(b) < HtmlReport.rank(a) ? b : a);
            }
            return new Fold(first, count + other.count(), List.copyOf(both), w);
        }

        Chip chip() {
            String label = first.kind().name() + " \u00b7 " + first.function();
            String title = stageName(first.stage()) + ": " + first.function() + " uses " + String.join(", ", calls)
                    + " on " + first.kind().name() + " from " + HtmlReport.hex(first.base())
                    + (count > 1 ? " (" + count + " events)" : "") + ", for the " + first.feature()
                    + (first.source().isEmpty() ? "" : "; described by " + first.source())
                    + ". The colour is the worst outcome of these events.";
            return new Chip(label, count, title, String.join(" ", worst));
        }
    }
}
