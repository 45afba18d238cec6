package io.github.xenacpi.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.conformance.ConformanceCheck;
import io.github.xenacpi.conformance.Finding;
import io.github.xenacpi.conformance.Profile;
import io.github.xenacpi.conformance.Rule;
import io.github.xenacpi.conformance.RuleCatalog;
import io.github.xenacpi.conformance.XenDom0Rules;
import io.github.xenacpi.inspect.InspectDocument;
import io.github.xenacpi.platform.Completeness;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationCosts;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.simulation.Verdict;
import io.github.xenacpi.simulation.VersionGrid;
import io.github.xenacpi.strategy.MappingStrategy;
import io.github.xenacpi.xen.HardwareDomainBuild;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The {@code xenacpi-report/2} document as typed records: the tool's version, when it ran, the rule catalogue,
 * and per platform two piles kept apart: the firmware findings (table defects, for the firmware vendor) and the
 * strategy outcomes (for the Xen/Linux integrator, grouped by region and cause), with a summary across strategies
 * and the platform's tables, regions, diagnostics and namespace as its {@link InspectDocument} has them. The
 * per-access event trace is in only when {@link ReportOptions#trace()} asks for it. Serialised by Jackson; the
 * JSON Schema ships as {@link #SCHEMA_RESOURCE}.
 */
public record ConformanceReport(
        String schema, String toolVersion, String generated, List<Rule> rules, List<PlatformReport> platforms) {

    /** The value of the document's {@code schema} member. */
    public static final String SCHEMA = "xenacpi-report/2";

    /** Where the JSON Schema of the document lies on the class path. */
    public static final String SCHEMA_RESOURCE = "/io/github/xenacpi/report/xenacpi-report-2.schema.json";

    /** The profiles whose table rules a report runs besides the ACPI ones. */
    public static final List<Profile> PROFILES = List.of(Profile.SBBR_1_2, Profile.LINUX_ARM64, Profile.XEN_DOM0);

    public ConformanceReport {
        Objects.requireNonNull(schema, "schema");
        rules = List.copyOf(rules);
        platforms = List.copyOf(platforms);
    }

    /** The report of these platforms, each checked and simulated under every strategy, with default options. */
    public static ConformanceReport of(List<Platform> platforms, Instant time) {
        return of(platforms, ReportOptions.DEFAULT, time);
    }

    /** The report of these platforms: each is checked and simulated under every strategy. */
    public static ConformanceReport of(List<Platform> platforms, ReportOptions options, Instant time) {
        return of(platforms, MappingStrategy.all(), options, time);
    }

    /** The report of these platforms, each checked and simulated under these strategies (in report order). */
    public static ConformanceReport of(
            List<Platform> platforms, List<MappingStrategy> strategies, ReportOptions options, Instant time) {
        List<PlatformReport> out = new ArrayList<>();
        for (Platform p : platforms) {
            long start = System.nanoTime();
            SimulationInput input = SimulationInput.of(p);
            List<SimulationResult> results = Simulation.runAll(input, strategies);
            out.add(PlatformReport.of(p, results, options, Duration.ofNanos(System.nanoTime() - start)));
        }
        return assemble(out, RuleCatalog.all(), time);
    }

    /** The report of one platform whose simulations have already run, with default options. */
    public static ConformanceReport of(Platform platform, List<SimulationResult> results, Instant time) {
        return of(platform, results, ReportOptions.DEFAULT, time);
    }

    /** The report of one platform whose simulations have already run. */
    public static ConformanceReport of(
            Platform platform, List<SimulationResult> results, ReportOptions options, Instant time) {
        return assemble(List.of(PlatformReport.of(platform, results, options)), RuleCatalog.all(), time);
    }

    /**
     * The report of platform reports made one by one (by a build validating platforms in parallel), under these
     * rules: this schema and tool version, generated at {@code time} (to the second).
     */
    public static ConformanceReport assemble(List<PlatformReport> platforms, List<Rule> rules, Instant time) {
        return new ConformanceReport(
                SCHEMA, currentVersion(), time.truncatedTo(ChronoUnit.SECONDS).toString(), rules, platforms);
    }

    /** The version of this build (see {@link ToolVersion}). */
    static String currentVersion() {
        return ToolVersion.current();
    }

    /**
     * One platform: what it was simulated with and where each setting came from, the summary, the firmware findings
     * (the table rules', ordered by what to fix first), the outcome of each simulated strategy, its stage-2 map once
     * for all strategies, and its tables, regions, diagnostics and namespace (members of its
     * inspect document with the same names; a table's {@code fields} and the namespace's {@code devices} only
     * with the trace), then the per-access {@code trace} when asked for. What the other formats need of the platform
     * ({@link ReportedPlatform}: no table bytes, no AML namespace, so that a report of many platforms does not hold
     * them) and the typed simulation results ride along but are not serialised.
     */
    @JsonPropertyOrder({
        "name",
        "settings",
        "input",
        "summary",
        "findings",
        "strategies",
        "stageTwoMap",
        "grid",
        "source",
        "tables",
        "regions",
        "diagnostics",
        "namespace",
        "trace"
    })
    public record PlatformReport(
            String name,
            Settings settings,
            Input input,
            Summary summary,
            List<ReportFinding> findings,
            List<StrategyReport> strategies,
            InspectDocument.Source source,
            List<InspectDocument.Table> tables,
            List<InspectDocument.Region> regions,
            List<InspectDocument.DiagnosticEntry> diagnostics,
            InspectDocument.Namespace namespace,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<InspectDocument.Simulation> trace,
            @JsonIgnore ReportedPlatform platform,
            @JsonIgnore List<SimulationResult> results,
            @JsonIgnore Timing timing,
            @JsonInclude(JsonInclude.Include.NON_NULL) VersionGrid grid) {

        /** This platform's part with its Xen x Linux grid ({@code xenacpi.xenVersions}/{@code linuxVersions}). */
        public PlatformReport withGrid(VersionGrid newGrid) {
            return with(findings, newGrid);
        }

        /** This platform's part with more findings after its own (a build's failed conformance tests). */
        public PlatformReport withFindings(List<ReportFinding> more) {
            List<ReportFinding> all = new ArrayList<>(findings);
            all.addAll(more);
            return with(fixFirst(all, input.completeness()), grid);
        }

        /** This platform's part with these findings and this grid, the rest as it is. */
        private PlatformReport with(List<ReportFinding> newFindings, VersionGrid newGrid) {
            return new PlatformReport(
                    name,
                    settings,
                    input,
                    summary,
                    newFindings,
                    strategies,
                    source,
                    tables,
                    regions,
                    diagnostics,
                    namespace,
                    trace,
                    platform,
                    results,
                    timing,
                    newGrid);
        }

        public PlatformReport {
            findings = List.copyOf(findings);
            strategies = List.copyOf(strategies);
            tables = List.copyOf(tables);
            regions = List.copyOf(regions);
            diagnostics = List.copyOf(diagnostics);
            trace = List.copyOf(trace);
            results = List.copyOf(results);
        }

        /** One platform's part with default options (no trace). */
        public static PlatformReport of(Platform p, List<SimulationResult> results) {
            return of(p, results, ReportOptions.DEFAULT);
        }

        /**
         * One platform's part: the findings of the table rules, each simulation's outcome grouped against the
         * platform's regions, the summary, and the members of its inspect document.
         */
        public static PlatformReport of(Platform p, List<SimulationResult> results, ReportOptions options) {
            return of(p, results, options, null);
        }

        /**
         * One platform's part, with how long its simulations took ({@code null} when unknown), for the formats
         * that report times.
         */
        public static PlatformReport of(
                Platform p, List<SimulationResult> results, ReportOptions options, Duration simulations) {
            long start = System.nanoTime();
            List<ReportFinding> findings = new ArrayList<>();
            for (Finding f : ConformanceCheck.run(p, PROFILES.toArray(Profile[]::new))) {
                findings.add(ReportFinding.of(f));
            }
            // Firmware finding: the vendor fixes the FADT/SPCR that stops Xen from building Dom0.
            for (Finding f : XenDom0Rules.buildFindings(p.descriptor().xen(), p.tables())) {
                findings.add(ReportFinding.of(f));
            }
            Duration rules = Duration.ofNanos(System.nanoTime() - start);
            return of(p, p.completeness(), findings, results, options, new Timing(rules, simulations));
        }

        /**
         * The part of a platform on which the model itself failed (a defect of this tool, not of the firmware): its
         * tables as decoded, no strategy outcome, and the failure as the first loss, so that no verdict stands on
         * it and the other platforms of the run keep their parts.
         */
        public static PlatformReport failed(Platform p, String reason) {
            List<Completeness.Loss> losses = new ArrayList<>();
            losses.add(new Completeness.Loss("", -1, reason));
            losses.addAll(p.completeness().losses());
            return of(
                    p,
                    new Completeness(losses),
                    List.of(),
                    List.of(),
                    ReportOptions.DEFAULT,
                    new Timing(Duration.ZERO, null));
        }

        /**
         * The one assembly of a platform's part: its findings in fix-first order against {@code completeness}, each
         * result's outcome against the platform's regions, its inspect document (the results' trace only with
         * {@link ReportOptions#trace()}), and no grid.
         */
        private static PlatformReport of(
                Platform p,
                Completeness completeness,
                List<ReportFinding> findings,
                List<SimulationResult> results,
                ReportOptions options,
                Timing timing) {
            List<StrategyReport> strategies =
                    results.stream().map(r -> StrategyReport.of(r, p.regions())).toList();
            InspectDocument inspect = InspectDocument.of(p, options.trace() ? results : List.of());
            return new PlatformReport(
                    p.name(),
                    Settings.of(p.descriptor()),
                    Input.of(completeness),
                    Summary.of(results, completeness),
                    fixFirst(findings, completeness),
                    strategies,
                    inspect.source(),
                    tables(inspect, options),
                    inspect.regions(),
                    inspect.diagnostics(),
                    namespace(inspect, options),
                    inspect.simulations(),
                    ReportedPlatform.of(p),
                    results,
                    timing,
                    null);
        }

        /** The tables' headers, with their decoded fields only with the trace. */
        private static List<InspectDocument.Table> tables(InspectDocument inspect, ReportOptions options) {
            return options.trace()
                    ? inspect.tables()
                    : inspect.tables().stream()
                            .map(InspectDocument.Table::withoutFields)
                            .toList();
        }

        /** The namespace's counts, with its devices only with the trace. */
        private static InspectDocument.Namespace namespace(InspectDocument inspect, ReportOptions options) {
            InspectDocument.Namespace ns = inspect.namespace();
            return options.trace() ? ns : ns.withoutDevices();
        }

        /**
         * Dom0's predicted stage-2 map after boot under every simulated strategy, each range stated once with the
         * strategies that leave it ({@link StageTwoMapEntry}); empty when nothing was simulated.
         */
        @JsonProperty("stageTwoMap")
        public List<StageTwoMapEntry> stageTwoMap() {
            return StageTwoMapEntry.of(strategies);
        }

        /** The number of firmware findings at a severity. */
        public long count(Severity severity) {
            return findings.stream().filter(f -> f.severity() == severity).count();
        }

        /** The outcome of a strategy by id, if it was simulated. */
        public java.util.Optional<StrategyReport> strategy(String id) {
            return strategies.stream().filter(s -> s.strategy().equals(id)).findFirst();
        }

        /**
         * Findings in the order a user fixes them: input damage first (the input rules, and any finding at a place
         * the model lost), then errors, warnings, notes.
         */
        static List<ReportFinding> fixFirst(List<ReportFinding> findings, Completeness completeness) {
            List<ReportFinding> damage = new ArrayList<>();
            List<ReportFinding> rest = new ArrayList<>();
            for (ReportFinding f : findings) {
                boolean damaged = f.inputDamage()
                        || completeness.losses().stream()
                                .anyMatch(l ->
                                        l.table().equals(f.table()) && (l.offset() < 0 || l.offset() == f.offset()));
                (damaged ? damage : rest).add(f);
            }
            rest.sort(Comparator.comparing(ReportFinding::severity));
            damage.addAll(rest);
            return List.copyOf(damage);
        }

        /** Whether the model saw the whole platform: when not, no verdict stands. */
        public boolean complete() {
            return input.complete();
        }
    }

    /**
     * How long a platform's table rules took and its simulations under every strategy ({@code null} when the
     * caller ran them and did not say), as the JUnit XML's times report them.
     */
    public record Timing(Duration rules, Duration simulations) {}

    /**
     * What the model could see of a platform's input: complete, or incomplete with each loss (table, byte offset,
     * reason) in the order found. An incomplete platform gets no verdict and no recommendation.
     */
    public record Input(boolean complete, List<Completeness.Loss> losses) {

        public Input {
            losses = List.copyOf(losses);
        }

        static Input of(Completeness c) {
            return new Input(c.complete(), c.losses());
        }

        /** The same as the model's record. */
        Completeness completeness() {
            return new Completeness(losses);
        }

        /** The first loss in words, such as {@code XSDT @0x4: truncated ...}; empty when complete. */
        public String firstLoss() {
            if (losses.isEmpty()) {
                return "";
            }
            Completeness.Loss l = losses.get(0);
            return (l.table().isEmpty() ? "input" : l.table())
                    + (l.offset() >= 0 ? String.format(" @0x%X", l.offset()) : "") + ": " + l.reason();
        }
    }

    /**
     * What a platform was simulated with, each setting with where it came from: the Xen version, the Linux
     * version of Dom0 and the SMMU mode.
     */
    public record Settings(Setting xen, Setting linux, Setting smmu) {

        /** The settings of a platform's descriptor. */
        public static Settings of(PlatformDescriptor d) {
            return new Settings(
                    new Setting(d.xen().toString(), d.sources().xen().id()),
                    new Setting(d.linux().toString(), d.sources().linux().id()),
                    new Setting(d.smmu().id(), d.sources().smmu().id()));
        }

        /** The three in one line, such as {@code Xen 4.22 (default), Linux 6.18 (default), SMMU none (default)}. */
        public String line() {
            return "Xen " + xen + ", Linux " + linux + ", SMMU " + smmu;
        }
    }

    /**
     * One setting's value and its source: {@code descriptor} (the platform's xenacpi.json), {@code property} (a
     * build property or parameter), {@code preset} or {@code default} (the newest modelled release).
     */
    public record Setting(String value, String source) {

        @Override
        public String toString() {
            return value + " (" + source + ")";
        }
    }

    /**
     * A firmware finding: a table rule's breach (or a failed conformance test of the project), for the firmware
     * vendor. The members are those of {@link Finding}; {@code strategy} is empty for every finding of the tables
     * (strategy outcomes are {@link StrategyReport}s) and is written only when set.
     */
    @JsonPropertyOrder({"ruleId", "severity", "table", "instance", "offset", "message", "path", "strategy"})
    public record ReportFinding(
            String ruleId,
            Severity severity,
            String table,
            int instance,
            long offset,
            String message,
            String path,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) String strategy) {

        public ReportFinding {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(strategy, "strategy");
        }

        static ReportFinding of(Finding f) {
            return new ReportFinding(
                    f.ruleId(), f.severity(), f.table(), f.instance(), f.offset(), f.message(), f.path(), "");
        }

        /** Whether the finding says the input itself is damaged (a table cut short, unreadable, not a table). */
        @JsonIgnore
        public boolean inputDamage() {
            return ruleId.startsWith("ACPI.INPUT.")
                    || ruleId.equals("ACPI.HEADER.SHORT")
                    || ruleId.equals("ACPI.HEADER.LENGTH")
                    || ruleId.equals("ACPI.RSDP.LENGTH")
                    || ruleId.startsWith("AML.LOAD.")
                    || ruleId.startsWith("AML.BUDGET.");
        }
    }

    /**
     * The verdict across strategies: the {@code status} ({@code works}: some strategy passes; {@code degraded}: the
     * best boots with features lost or mappings refused; {@code none-works}; {@code incomplete}: the model could
     * not see the whole input, so no verdict stands), which strategies pass, are degraded or fail under the
     * model, the recommended strategy (the cheapest passing one, else the cheapest degraded one; {@code null} when
     * none works or the platform is incomplete), its costs, and why, in words.
     */
    public record Summary(
            String status,
            List<String> passing,
            List<String> degraded,
            List<String> failing,
            String recommended,
            SimulationCosts recommendedCost,
            String explanation,
            @JsonInclude(JsonInclude.Include.NON_NULL) HardwareDomainBuild.Refusal notBuilt) {

        /** Xen refuses to build the ACPI hardware domain from these tables: no strategy ran; the vendor must act. */
        public static final String NOT_BUILT = "not-built";

        /** A summary of a platform whose Dom0 Xen builds. */
        public Summary(
                String status,
                List<String> passing,
                List<String> degraded,
                List<String> failing,
                String recommended,
                SimulationCosts recommendedCost,
                String explanation) {
            this(status, passing, degraded, failing, recommended, recommendedCost, explanation, null);
        }

        /** Some strategy boots Dom0 with every feature. */
        public static final String WORKS = "works";
        /** The best strategy boots with features lost or mappings refused. */
        public static final String DEGRADED = "degraded";
        /** Every strategy fails. */
        public static final String NONE_WORKS = "none-works";
        /** The input is damaged: the model could not see it all, so no verdict stands. */
        public static final String INCOMPLETE = "incomplete";

        public Summary {
            passing = List.copyOf(passing);
            degraded = List.copyOf(degraded);
            failing = List.copyOf(failing);
        }

        static Summary of(List<SimulationResult> results, Completeness completeness) {
            List<String> pass = ids(results, Verdict.PASS);
            List<String> degraded = ids(results, Verdict.DEGRADED);
            List<String> fail = ids(results, Verdict.FAIL);
            if (!completeness.complete()) {
                Completeness.Loss first = completeness.losses().get(0);
                return new Summary(
                        INCOMPLETE,
                        pass,
                        degraded,
                        fail,
                        null,
                        null,
                        "No verdict: the input is damaged ("
                                + (first.table().isEmpty() ? "input" : first.table()) + ": " + first.reason()
                                + (completeness.losses().size() > 1
                                        ? "; and " + (completeness.losses().size() - 1) + " more"
                                        : "")
                                + "), so the model could not see all the firmware describes; fix the input first.");
            }
            HardwareDomainBuild.Refusal refusal = results.stream()
                    .map(SimulationResult::notBuilt)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            if (refusal != null) {
                return new Summary(
                        NOT_BUILT,
                        pass,
                        degraded,
                        fail,
                        null,
                        null,
                        "Xen " + results.get(0).xen()
                                + " refuses these tables and never builds Dom0 (" + refusal.function() + ": "
                                + refusal.reason() + "), so no strategy runs. The firmware vendor must act: fix the"
                                + " table Xen rejects (see XEN.DOM0.NOT_BUILT).",
                        refusal);
            }
            Comparator<SimulationResult> cheapest = Comparator.comparingLong(
                            (SimulationResult r) -> r.costs().estimatedMicros())
                    .thenComparingLong(r -> r.costs().p2mTableBytes());
            SimulationResult best = results.stream()
                    .filter(r -> r.verdict() == Verdict.PASS)
                    .min(cheapest)
                    .or(() -> results.stream()
                            .filter(r -> r.verdict() == Verdict.DEGRADED)
                            .min(cheapest))
                    .orElse(null);
            String why;
            String status;
            if (best == null) {
                status = NONE_WORKS;
                why = "Every strategy fails: Dom0 aborts or a device's DMA faults whatever Xen does.";
            } else if (best.verdict() == Verdict.PASS) {
                status = WORKS;
                why = best.strategy() + " boots Dom0 with every feature and costs least among the " + pass.size()
                        + " passing strategies (about " + best.costs().estimatedMicros() + " us, "
                        + best.costs().hypercalls() + " hypercalls, "
                        + best.costs().stage2Faults()
                        + " stage-2 faults).";
            } else {
                status = DEGRADED;
                why = "No strategy boots Dom0 with every feature; " + best.strategy()
                        + " is the cheapest that boots at all, with features lost or mappings refused.";
            }
            return new Summary(
                    status,
                    pass,
                    degraded,
                    fail,
                    best == null ? null : best.strategy(),
                    best == null ? null : best.costs(),
                    why);
        }

        private static List<String> ids(List<SimulationResult> results, Verdict verdict) {
            return results.stream()
                    .filter(r -> r.verdict() == verdict)
                    .map(SimulationResult::strategy)
                    .toList();
        }
    }
}
