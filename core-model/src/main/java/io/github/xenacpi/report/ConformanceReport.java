package io.github.xenacpi.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.conformance.ConformanceCheck;
import io.github.xenacpi.conformance.Finding;
import io.github.xenacpi.conformance.Profile;
import io.github.xenacpi.conformance.Rule;
import io.github.xenacpi.conformance.RuleCatalog;
import io.github.xenacpi.conformance.XenDom0Rules;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationCosts;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.simulation.Verdict;
import io.github.xenacpi.simulation.VersionGrid;
import io.github.xenacpi.strategy.MappingStrategy;
import io.github.xenacpi.xen.HardwareDomainBuild;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The {@code xenacpi-report/1} document: the tool's version, when it ran, the rule catalogue, and per platform
 * the members of its {@code xenacpi-inspect/1} document (same names, same meaning), the findings of the table
 * rules and of the Xen Dom0 rules, and a summary across strategies. Serialised by Jackson; the JSON Schema ships
 * as {@link #SCHEMA_RESOURCE}.
 */
public record ConformanceReport(String schema, String toolVersion, String generated, List<Rule> rules,
                                List<PlatformReport> platforms) {

    /** The value of the document's {@code schema} member. */
    public static final String SCHEMA = "xenacpi-report/1";

    /** Where the JSON Schema of the document lies on the class path. */
    public static final String SCHEMA_RESOURCE = "/io/github/xenacpi/report/xenacpi-report-1.schema.json";

    /** The profiles whose table rules a report runs besides the ACPI ones. */
    public static final List<Profile> PROFILES = List.of(Profile.SBBR_1_2, Profile.LINUX_ARM64, Profile.XEN_DOM0);

    public ConformanceReport {
        Objects.requireNonNull(schema, "schema");
        rules = List.copyOf(rules);
        platforms = List.copyOf(platforms);
    }

    /**
     * The report of these platforms: each is checked and simulated under every strategy. {@code inspect} gives a
     * platform's {@code xenacpi-inspect/1} document for its simulations (the inspect front end owns that format;
     * its members are copied into the report unchanged).
     */
    public static ConformanceReport of(List<Platform> platforms,
                                       BiFunction<Platform, List<SimulationResult>, JsonNode> inspect, Instant time) {
        List<PlatformReport> out = new ArrayList<>();
        for (Platform p : platforms) {
            SimulationInput input = SimulationInput.of(p);
            List<SimulationResult> results = Simulation.runAll(input, MappingStrategy.all());
            out.add(PlatformReport.of(p, results, inspect.apply(p, results)));
        }
        return assemble(out, RuleCatalog.all(), time);
    }

    /** The report of one platform whose simulations under every strategy have already run. */
    public static ConformanceReport of(Platform platform, List<SimulationResult> results,
                                       BiFunction<Platform, List<SimulationResult>, JsonNode> inspect, Instant time) {
        return assemble(List.of(PlatformReport.of(platform, results, inspect.apply(platform, results))),
                RuleCatalog.all(), time);
    }

    /**
     * The report of platform reports made one by one (by a build validating platforms in parallel), under these
     * rules: this schema and tool version, generated at {@code time} (to the second).
     */
    public static ConformanceReport assemble(List<PlatformReport> platforms, List<Rule> rules, Instant time) {
        return new ConformanceReport(SCHEMA, currentVersion(), time.truncatedTo(ChronoUnit.SECONDS).toString(),
                rules, platforms);
    }

    /** The version of this build (see {@link ToolVersion}). */
    static String currentVersion() {
        return ToolVersion.current();
    }

    /**
     * One platform: the inspect members ({@code source}, {@code tables}, {@code regions}, {@code diagnostics},
     * {@code namespace}, {@code simulations}), the findings of every rule, and the cross-strategy summary. The
     * platform and the typed simulation results ride along for the other formats but are not serialised.
     */
    public record PlatformReport(String name, JsonNode source, JsonNode tables, JsonNode regions,
                                 JsonNode diagnostics, JsonNode namespace, JsonNode simulations,
                                 List<ReportFinding> findings, Summary summary,
                                 @JsonIgnore Platform platform, @JsonIgnore List<SimulationResult> results,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) VersionGrid grid) {

        public PlatformReport {
            findings = List.copyOf(findings);
            results = List.copyOf(results);
        }

        /** A platform's part without a version grid. */
        public PlatformReport(String name, JsonNode source, JsonNode tables, JsonNode regions, JsonNode diagnostics,
                              JsonNode namespace, JsonNode simulations, List<ReportFinding> findings,
                              Summary summary, Platform platform, List<SimulationResult> results) {
            this(name, source, tables, regions, diagnostics, namespace, simulations, findings, summary, platform,
                    results, null);
        }

        /** This platform's part with its Xen x Linux grid ({@code xenacpi.xenVersions}/{@code linuxVersions}). */
        public PlatformReport withGrid(VersionGrid newGrid) {
            return new PlatformReport(name, source, tables, regions, diagnostics, namespace, simulations, findings,
                    summary, platform, results, newGrid);
        }

        /**
         * One platform's part: its rule findings and Xen Dom0 findings over {@code results}, the summary, and the
         * members of its {@code inspect} document.
         */
        public static PlatformReport of(Platform p, List<SimulationResult> results, JsonNode inspect) {
            List<ReportFinding> findings = new ArrayList<>();
            for (Finding f : ConformanceCheck.run(p, PROFILES.toArray(Profile[]::new))) {
                findings.add(ReportFinding.of(f, ""));
            }
            // Firmware finding: the vendor fixes the FADT/SPCR that stops Xen from building Dom0.
            for (Finding f : XenDom0Rules.buildFindings(p.descriptor().xen(), p.tables())) {
                findings.add(ReportFinding.of(f, ""));
            }
            for (SimulationResult r : results) {
                for (Finding f : XenDom0Rules.findings(r, p.regions())) {
                    findings.add(ReportFinding.of(f, r.strategy()));
                }
            }
            return new PlatformReport(p.name(), inspect.path("source"), inspect.path("tables"),
                    inspect.path("regions"), inspect.path("diagnostics"), inspect.path("namespace"),
                    inspect.path("simulations"), findings, Summary.of(results), p, results);
        }

        /** This platform's part with more findings after its own (a build's failed conformance tests). */
        public PlatformReport withFindings(List<ReportFinding> more) {
            List<ReportFinding> all = new ArrayList<>(findings);
            all.addAll(more);
            return new PlatformReport(name, source, tables, regions, diagnostics, namespace, simulations, all, summary,
                    platform, results, grid);
        }

        /** The number of findings at a severity. */
        public long count(Severity severity) {
            return findings.stream().filter(f -> f.severity() == severity).count();
        }
    }

    /**
     * A finding with the strategy it was found under ({@code ""} for a rule over the tables alone); the other
     * members are those of {@link Finding}.
     */
    public record ReportFinding(String ruleId, Severity severity, String table, int instance, long offset,
                                String message, String path, String strategy) {

        public ReportFinding {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(strategy, "strategy");
        }

        static ReportFinding of(Finding f, String strategy) {
            return new ReportFinding(f.ruleId(), f.severity(), f.table(), f.instance(), f.offset(), f.message(),
                    f.path(), strategy);
        }
    }

    /**
     * Which strategies let Dom0 boot cleanly on this firmware ({@code passing}), which boot with features lost
     * or mappings refused ({@code degraded}), which fail; the recommended strategy (the cheapest passing one,
     * else the cheapest degraded one; {@code null} when every strategy fails), its costs, and why, in words.
     * {@code notBuilt} is set when Xen refuses to build the ACPI hardware domain from these tables: then no strategy
     * ran, none passes or fails, and the explanation says the firmware vendor must act.
     */
    public record Summary(List<String> passing, List<String> degraded, List<String> failing, String recommended,
                          SimulationCosts recommendedCost, String explanation, HardwareDomainBuild.Refusal notBuilt) {

        public Summary {
            passing = List.copyOf(passing);
            degraded = List.copyOf(degraded);
            failing = List.copyOf(failing);
        }

        static Summary of(List<SimulationResult> results) {
            HardwareDomainBuild.Refusal refusal = results.stream().map(SimulationResult::notBuilt)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            if (refusal != null) {
                SimulationResult r = results.get(0);
                return new Summary(List.of(), List.of(), List.of(), null, null, "Xen " + r.xen()
                        + " refuses these tables and never builds Dom0 (" + refusal.function() + ": "
                        + refusal.reason() + "), so no strategy runs. The firmware vendor must act: fix the"
                        + " table Xen rejects (see XEN.DOM0.NOT_BUILT).", refusal);
            }
            List<String> pass = ids(results, Verdict.PASS);
            List<String> degraded = ids(results, Verdict.DEGRADED);
            List<String> fail = ids(results, Verdict.FAIL);
            Comparator<SimulationResult> cheapest = Comparator
                    .comparingLong((SimulationResult r) -> r.costs().estimatedMicros())
                    .thenComparingLong(r -> r.costs().p2mTableBytes());
            SimulationResult best = results.stream().filter(r -> r.verdict() == Verdict.PASS).min(cheapest)
                    .or(() -> results.stream().filter(r -> r.verdict() == Verdict.DEGRADED).min(cheapest))
                    .orElse(null);
            String why;
            if (best == null) {
                why = "Every strategy fails: Dom0 aborts or a device's DMA faults whatever Xen does.";
            } else if (best.verdict() == Verdict.PASS) {
                why = best.strategy() + " boots Dom0 with every feature and costs least among the " + pass.size()
                        + " passing strategies (about " + best.costs().estimatedMicros() + " us, "
                        + best.costs().hypercalls() + " hypercalls, " + best.costs().stage2Faults()
                        + " stage-2 faults).";
            } else {
                why = "No strategy boots Dom0 with every feature; " + best.strategy()
                        + " is the cheapest that boots at all, with features lost or mappings refused.";
            }
            return new Summary(pass, degraded, fail, best == null ? null : best.strategy(),
                    best == null ? null : best.costs(), why, null);
        }

        private static List<String> ids(List<SimulationResult> results, Verdict verdict) {
            return results.stream().filter(r -> r.verdict() == verdict).map(SimulationResult::strategy).toList();
        }
    }
}
