package io.github.xenacpi.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.conformance.Rule;
import io.github.xenacpi.conformance.XenDom0Rules;
import io.github.xenacpi.dom0.BootEvent;
import io.github.xenacpi.inspect.InspectJson;
import io.github.xenacpi.simulation.Outcome;
import io.github.xenacpi.simulation.OutcomeResult;
import io.github.xenacpi.simulation.SimulationCosts;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.simulation.StageTwoMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One strategy's outcome on one platform, for the Xen/Linux integrator who picks a strategy: the verdict, the
 * costs, how many boot accesses ended in each result, and what went wrong grouped by region and cause (one
 * {@link OutcomeGroup} per described region, result and reason, with the number of accesses), not one line per
 * access; and the stage-2 map Dom0's boot leaves under the strategy, as ranges with the path that mapped them (in
 * report.json once per platform for all strategies, {@link StageTwoMapEntry}).
 */
@JsonPropertyOrder({"strategy", "verdict", "accesses", "results", "costs", "outcomes"})
public record StrategyReport(
        String strategy,
        String verdict,
        int accesses,
        Map<String, Integer> results,
        SimulationCosts costs,
        List<OutcomeGroup> outcomes,
        @JsonIgnore List<MappedRange> stageTwoMap) {

    public StrategyReport {
        results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
        outcomes = List.copyOf(outcomes);
        stageTwoMap = List.copyOf(stageTwoMap);
    }

    /**
     * One range of Dom0's predicted stage-2 map after boot (the simulation's {@link StageTwoMap}): how it was mapped
     * ({@code ram}, {@code acpi-table}, {@code premap}, {@code hypercall}, {@code fault}), base and length as
     * {@code "0x…"}, the number of 4 KiB pages, and what asked for it (the table, or the kernel function and the
     * region's source).
     */
    @JsonPropertyOrder({"origin", "base", "length", "pages", "source"})
    public record MappedRange(String origin, String base, String length, long pages, String source) {
        static MappedRange of(StageTwoMap.Range r) {
            return new MappedRange(
                    r.origin().id(),
                    "0x" + Long.toHexString(r.base()),
                    "0x" + Long.toHexString(r.length()),
                    r.length() >>> 12,
                    r.source());
        }
    }

    /** The outcome of one simulation, its problems grouped against the platform's described regions. */
    public static StrategyReport of(SimulationResult s, List<DescribedRegion> regions) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (OutcomeResult r : OutcomeResult.values()) {
            int n = (int) s.outcomes().stream().filter(o -> o.result() == r).count();
            if (n > 0) {
                counts.put(r.id(), n);
            }
        }
        Map<List<Object>, Builder> groups = new LinkedHashMap<>();
        for (Outcome o : s.outcomes()) {
            Optional<Rule> rule = XenDom0Rules.ruleFor(o.result());
            if (rule.isEmpty()) {
                continue;
            }
            BootEvent e = o.event();
            Optional<DescribedRegion> described = regions.stream()
                    .filter(r -> e.source().equals(r.table() + " " + r.path())
                            || e.source().equals(r.path()))
                    .findFirst();
            List<Object> key = List.of(
                    o.result(),
                    e.kind(),
                    e.table(),
                    e.source(),
                    cause(o.reason()),
                    described.isPresent() ? "" : Long.toUnsignedString(e.base()));
            groups.computeIfAbsent(key, k -> new Builder(rule.get(), o, described))
                    .add(o);
        }
        return new StrategyReport(
                s.strategy(),
                s.verdict().name(),
                s.outcomes().size(),
                counts,
                s.costs(),
                groups.values().stream().map(Builder::build).toList(),
                s.stageTwoMap().ranges().stream().map(MappedRange::of).toList());
    }

    /**
     * A reason with its addresses and numbers left out: the cause that groups accesses, so that the probes of one
     * region that each name their own address are one group.
     */
    static String cause(String reason) {
        return ADDRESS.matcher(reason).replaceAll("0x\u2026");
    }

    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("0x[0-9A-Fa-f]+");

    /** How many boot accesses ended in a result under this strategy. */
    public long count(OutcomeResult result) {
        return results.getOrDefault(result.id(), 0);
    }

    /**
     * What went wrong under the strategy on one region for one cause: the result ({@code dom0-abort},
     * {@code dma-fault}, {@code denied}, {@code feature-lost}), the Xen Dom0 rule it breaks and its severity, the
     * region (kind, base and length as {@code "0x…"}; the described region's when the accesses name one, else the
     * span of the accesses), where it was described (table, instance, byte offset, field or AML path; the
     * source as the boot event names it), the kernel functions that touched it, the feature at stake, the reason,
     * and how many accesses ended so.
     */
    @JsonPropertyOrder({
        "result",
        "ruleId",
        "severity",
        "kind",
        "base",
        "length",
        "table",
        "instance",
        "offset",
        "path",
        "source",
        "functions",
        "feature",
        "reason",
        "accesses"
    })
    public record OutcomeGroup(
            String result,
            String ruleId,
            Severity severity,
            String kind,
            String base,
            String length,
            String table,
            int instance,
            long offset,
            String path,
            String source,
            List<String> functions,
            String feature,
            String reason,
            int accesses) {

        public OutcomeGroup {
            functions = List.copyOf(functions);
        }

        /** The region as people read it, such as {@code ECAM 0x4010000000+0x10000000}. */
        public String region() {
            return kind + " " + base + "+" + length;
        }

        /** Where the region was described: {@code TABLE path}, the AML path, or {@code no source}. */
        public String describedBy() {
            if (!path.isEmpty()) {
                return table.isEmpty() || path.startsWith("\\")
                        ? path
                        : table + (instance > 1 ? "#" + instance : "") + " " + path;
            }
            return source.isEmpty() ? "no source" : source;
        }
    }

    /** Collects the accesses of one group. */
    private static final class Builder {
        private final Rule rule;
        private final Outcome first;
        private final Optional<DescribedRegion> described;
        private final Set<String> functions = new LinkedHashSet<>();
        private final Set<String> reasons = new LinkedHashSet<>();
        private long lo = -1;
        private long hi;
        private int accesses;

        Builder(Rule rule, Outcome first, Optional<DescribedRegion> described) {
            this.rule = rule;
            this.first = first;
            this.described = described;
        }

        void add(Outcome o) {
            BootEvent e = o.event();
            functions.add(e.function());
            reasons.add(o.reason());
            long end = e.base() + Math.max(1, e.length());
            if (accesses == 0 || Long.compareUnsigned(e.base(), lo) < 0) {
                lo = e.base();
            }
            if (accesses == 0 || Long.compareUnsigned(end, hi) > 0) {
                hi = end;
            }
            accesses++;
        }

        OutcomeGroup build() {
            BootEvent e = first.event();
            long base = described.map(DescribedRegion::base).orElse(lo);
            long length = described.map(DescribedRegion::length).orElse(hi - lo);
            String table = described.map(DescribedRegion::table).orElse(e.table());
            int instance =
                    described.map(DescribedRegion::instance).orElse(e.table().isEmpty() ? 0 : 1);
            long offset = described.map(DescribedRegion::offset).orElse(-1L);
            String path = described.map(DescribedRegion::path).orElse(e.source());
            return new OutcomeGroup(
                    first.result().id(),
                    rule.id(),
                    rule.severity(),
                    e.kind().name(),
                    InspectJson.hex(base),
                    InspectJson.hex(length),
                    table,
                    instance,
                    offset,
                    path,
                    e.source(),
                    new ArrayList<>(functions),
                    e.feature(),
                    reasons.size() == 1 ? first.reason() : cause(first.reason()),
                    accesses);
        }
    }
}
