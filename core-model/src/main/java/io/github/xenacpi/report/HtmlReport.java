package io.github.xenacpi.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.MemoryRange;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import io.github.xenacpi.report.ConformanceReport.Summary;
import io.github.xenacpi.report.StrategyReport.OutcomeGroup;
import io.github.xenacpi.simulation.Outcome;
import io.github.xenacpi.simulation.OutcomeResult;
import io.github.xenacpi.simulation.SimulationCosts;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.simulation.Verdict;
import io.github.xenacpi.simulation.VersionGrid;
import io.github.xenacpi.strategy.MappingStrategy;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The report as self-contained HTML (inline CSS and JS, no network, opens from file://), rendered by Freemarker
 * from {@code index.ftlh} and {@code platform.ftlh} with HTML auto-escaping, so firmware text is always escaped.
 * A small report is one page; a large one is an index with the verdict matrix that links to one page per
 * platform under {@code platforms/}. The page model is the public records below, computed here so that the
 * templates only lay them out; {@link HtmlPages} makes the pages platform by platform.
 */
public final class HtmlReport {

    private static final Configuration FREEMARKER = configuration();

    /**
     * Worst first: the result a region (or a timeline chip) shows when several boot events touch it. A Linux-only
     * mapping comes last: the access that follows it decides what happens, so it shows only when nothing else did.
     */
    private static final List<OutcomeResult> WORST_FIRST = List.of(
            OutcomeResult.DOM0_ABORT,
            OutcomeResult.DMA_FAULT,
            OutcomeResult.DENIED,
            OutcomeResult.FEATURE_LOST,
            OutcomeResult.MAPPED_ON_FAULT,
            OutcomeResult.EMULATED,
            OutcomeResult.MAPPED_AHEAD,
            OutcomeResult.STAGE1_ONLY);

    /** The verdict every table shows for a strategy on a platform whose input is damaged. */
    static final String INCOMPLETE = "INCOMPLETE";

    /** The verdict shown in a matrix cell of a strategy a platform was not simulated under. */
    static final String NOT_SIMULATED = "NOT_SIMULATED";
    /** The strategy cell's words when Xen refuses the tables: the strategy never ran, so it is not "clean". */
    static final String NOT_BUILT_HEADLINE = "Xen refuses";

    /** More platforms than this, and the report gets one page per platform. */
    static final int SPLIT_PLATFORMS = 20;
    /** A one-page report larger than this (in characters) is split into one page per platform as well. */
    static final int SPLIT_CHARS = 2 * 1024 * 1024;
    /** The longest platform name the matrix shows whole. */
    static final int SHORT_NAME = 60;
    /** The folder, beside {@code index.html}, of the per-platform pages. */
    static final String PLATFORM_DIR = "platforms";

    /** Width of the memory map's drawing area in SVG units. */
    static final int MAP_WIDTH = 1200;

    private static final int MAP_LEFT = 70;
    private static final int LANE_HEIGHT = 20;
    private static final int MAP_TOP = 22;

    private HtmlReport() {}

    /**
     * The page: title line, the strategies (id and one sentence each), one section per platform, whether the
     * platforms have pages of their own, and the path from the page back to the index ({@code ""} on the index).
     */
    public record Page(
            String toolVersion,
            String generated,
            List<StrategyInfo> strategies,
            List<PlatformView> platforms,
            boolean split,
            String home) {}

    /** A strategy's id and what it does. */
    public record StrategyInfo(String id, String description) {}

    /**
     * One platform: its anchor, link from the index, name (and at most {@link #SHORT_NAME} characters of it for
     * the matrix), source, the summary with the recommendation in words,
     * the verdict under each strategy, the boot timeline and its events, the memory map, the regions it draws,
     * the costs, the findings, the strategy outcomes, the tables and the namespace's devices, the strategy the
     * picker shows first (the recommended one; -1 when none is recommended), and the matrix row: one cell per
     * column of the page's strategies, a {@code NOT_SIMULATED} cell where the platform was not simulated under it.
     */
    public record PlatformView(
            String anchor,
            String href,
            String name,
            String shortName,
            String source,
            Summary summary,
            String recommendation,
            List<Cell> cells,
            List<Lane> timeline,
            List<EventRow> events,
            int eventCount,
            MapView map,
            List<RegionRow> regions,
            List<CostRow> costs,
            List<FindingRow> findings,
            List<String> rules,
            long errors,
            long warnings,
            List<OutcomeRow> outcomes,
            List<TableRow> tables,
            List<DeviceRow> devices,
            int selected,
            List<Cell> row,
            String settings,
            boolean complete,
            GridView grid,
            List<MapRow> stageTwo) {

        /** A builder with nothing set, for the one place that makes a platform's view. */
        static Builder builder() {
            return new Builder();
        }

        /** The same view linked from the index at {@code newHref} (the platform's own page). */
        PlatformView withHref(String newHref) {
            return new Builder(this).href(newHref).build();
        }

        /** The same view with its matrix row: one cell per column, {@code NOT_SIMULATED} where it has none. */
        PlatformView withColumns(List<StrategyInfo> columns) {
            return new Builder(this)
                    .row(columns.stream()
                            .map(c -> cells.stream()
                                    .filter(x -> x.strategy().equals(c.id()))
                                    .findFirst()
                                    .orElse(new Cell(c.id(), NOT_SIMULATED, 0, 0, 0, 0, "", "")))
                            .toList())
                    .build();
        }

        /**
         * What the index of a split report shows of this platform, its matrix row (name, link, cells, summary,
         * whether it is complete); the sections of its own page are left empty, so that the index of many
         * platforms holds rows, not pages.
         */
        PlatformView matrixRow() {
            return new Builder(this)
                    .timeline(List.of())
                    .events(List.of())
                    .map(null)
                    .regions(List.of())
                    .costs(List.of())
                    .findings(List.of())
                    .rules(List.of())
                    .outcomes(List.of())
                    .tables(List.of())
                    .devices(List.of())
                    .grid(null)
                    .stageTwo(List.of())
                    .build();
        }

        /** Builds a {@link PlatformView} part by part. */
        static final class Builder {
            private String anchor;
            private String href;
            private String name;
            private String shortName;
            private String source;
            private Summary summary;
            private String recommendation;
            private List<Cell> cells;
            private List<Lane> timeline;
            private List<EventRow> events;
            private int eventCount;
            private MapView map;
            private List<RegionRow> regions;
            private List<CostRow> costs;
            private List<FindingRow> findings;
            private List<String> rules;
            private long errors;
            private long warnings;
            private List<OutcomeRow> outcomes;
            private List<TableRow> tables;
            private List<DeviceRow> devices;
            private int selected;
            private List<Cell> row;
            private String settings;
            private boolean complete;
            private GridView grid;
            private List<MapRow> stageTwo;

            private Builder() {}

            private Builder(PlatformView from) {
                anchor = from.anchor;
                href = from.href;
                name = from.name;
                shortName = from.shortName;
                source = from.source;
                summary = from.summary;
                recommendation = from.recommendation;
                cells = from.cells;
                timeline = from.timeline;
                events = from.events;
                eventCount = from.eventCount;
                map = from.map;
                regions = from.regions;
                costs = from.costs;
                findings = from.findings;
                rules = from.rules;
                errors = from.errors;
                warnings = from.warnings;
                outcomes = from.outcomes;
                tables = from.tables;
                devices = from.devices;
                selected = from.selected;
                row = from.row;
                settings = from.settings;
                complete = from.complete;
                grid = from.grid;
                stageTwo = from.stageTwo;
            }

            Builder anchor(String value) {
                anchor = value;
                return this;
            }

            Builder href(String value) {
                href = value;
                return this;
            }

            Builder name(String value) {
                name = value;
                return this;
            }

            Builder shortName(String value) {
                shortName = value;
                return this;
            }

            Builder source(String value) {
                source = value;
                return this;
            }

            Builder summary(Summary value) {
                summary = value;
                return this;
            }

            Builder recommendation(String value) {
                recommendation = value;
                return this;
            }

            Builder cells(List<Cell> value) {
                cells = value;
                return this;
            }

            Builder timeline(List<Lane> value) {
                timeline = value;
                return this;
            }

            Builder events(List<EventRow> value) {
                events = value;
                return this;
            }

            Builder eventCount(int value) {
                eventCount = value;
                return this;
            }

            Builder map(MapView value) {
                map = value;
                return this;
            }

            Builder regions(List<RegionRow> value) {
                regions = value;
                return this;
            }

            Builder costs(List<CostRow> value) {
                costs = value;
                return this;
            }

            Builder findings(List<FindingRow> value) {
                findings = value;
                return this;
            }

            Builder rules(List<String> value) {
                rules = value;
                return this;
            }

            Builder errors(long value) {
                errors = value;
                return this;
            }

            Builder warnings(long value) {
                warnings = value;
                return this;
            }

            Builder outcomes(List<OutcomeRow> value) {
                outcomes = value;
                return this;
            }

            Builder tables(List<TableRow> value) {
                tables = value;
                return this;
            }

            Builder devices(List<DeviceRow> value) {
                devices = value;
                return this;
            }

            Builder selected(int value) {
                selected = value;
                return this;
            }

            Builder row(List<Cell> value) {
                row = value;
                return this;
            }

            Builder settings(String value) {
                settings = value;
                return this;
            }

            Builder complete(boolean value) {
                complete = value;
                return this;
            }

            Builder grid(GridView value) {
                grid = value;
                return this;
            }

            Builder stageTwo(List<MapRow> value) {
                stageTwo = value;
                return this;
            }

            /** The view set so far. */
            PlatformView build() {
                return new PlatformView(
                        anchor,
                        href,
                        name,
                        shortName,
                        source,
                        summary,
                        recommendation,
                        cells,
                        timeline,
                        events,
                        eventCount,
                        map,
                        regions,
                        costs,
                        findings,
                        rules,
                        errors,
                        warnings,
                        outcomes,
                        tables,
                        devices,
                        selected,
                        row,
                        settings,
                        complete,
                        grid,
                        stageTwo);
            }
        }
    }

    /**
     * One entry of the platform's predicted stage-2 map ({@link StageTwoMapEntry}): the path, what asked for it, the
     * strategies that leave it ({@code all N} when each of the N strategies simulated does), its pages, and its
     * ranges as {@code base +length}, each kept on one line.
     */
    public record MapRow(String origin, String source, List<String> strategies, String pages, List<String> ranges) {
        static MapRow of(StageTwoMapEntry e, int simulated) {
            return new MapRow(
                    e.origin(),
                    e.source(),
                    e.strategies().size() == simulated ? List.of("all " + simulated) : e.strategies(),
                    number(e.pages()),
                    e.ranges().stream().map(r -> r.get(0) + " +" + r.get(1)).toList());
        }
    }

    /**
     * A platform's Xen x Linux grid as the page draws it: a column per Linux, a row per Xen, each cell the
     * strategies that boot Dom0 (with those that lose DMA or features) or "Xen refuses" and the reason.
     */
    public record GridView(String smmu, List<String> linux, List<GridRow> rows) {}

    /** One Xen release's row of the grid. */
    public record GridRow(String xen, List<GridCell> cells) {}

    /** One Xen x Linux cell: its class (PASS, DEGRADED, FAIL, NOT_BUILT), its text and the details. */
    public record GridCell(String verdict, String text, List<String> booting, List<String> losing, String refusal) {}

    static GridView grid(VersionGrid g) {
        if (g == null) {
            return null;
        }
        List<GridRow> rows = new ArrayList<>();
        for (XenVersion x : g.xen()) {
            List<GridCell> cells = new ArrayList<>();
            for (LinuxVersion l : g.linux()) {
                VersionGrid.Cell c = g.cell(x, l).orElseThrow();
                if (!c.built()) {
                    cells.add(new GridCell("NOT_BUILT", "Xen refuses", List.of(), List.of(), c.notBuilt()));
                    continue;
                }
                List<String> booting = c.booting();
                List<String> losing = c.strategies().stream()
                        .filter(s -> s.boots() && (s.losesDma() || s.losesFeatures()))
                        .map(s -> s.strategy()
                                + (s.losesDma() ? " loses DMA" : "")
                                + (s.losesDma() && s.losesFeatures() ? " and" : "")
                                + (s.losesFeatures() ? " loses " + String.join(", ", s.featuresLost()) : ""))
                        .toList();
                String verdict = booting.isEmpty() ? "FAIL" : losing.size() == booting.size() ? "DEGRADED" : "PASS";
                cells.add(new GridCell(
                        verdict, booting.size() + " of " + c.strategies().size() + " boot Dom0", booting, losing, ""));
            }
            rows.add(new GridRow(x.toString(), cells));
        }
        return new GridView(
                g.smmu().id(), g.linux().stream().map(LinuxVersion::toString).toList(), rows);
    }

    /**
     * One row of the strategy outcomes: under a strategy (and its verdict), what became of the accesses to one
     * region for one cause, where the region was described, the kernel functions, how many accesses, and why.
     */
    public record OutcomeRow(
            String strategy,
            String verdict,
            String result,
            String severity,
            String region,
            String describedBy,
            String functions,
            int accesses,
            String feature,
            String reason) {}

    /**
     * The verdict of one strategy on one platform, with the counts of what went wrong, the worst of it in a few
     * plain words ({@code headline}, such as "crash: ECAM") and in full ({@code why}; both empty when clean).
     */
    public record Cell(
            String strategy,
            String verdict,
            long aborts,
            long dmaFaults,
            long lost,
            long denied,
            String headline,
            String why) {}

    /** One boot stage of the timeline, as Linux names it, and its events grouped into chips. */
    public record Lane(String stage, String note, List<Chip> chips) {}

    /**
     * Consecutive boot events of one stage that share API, kernel call, function, region kind and results under
     * every strategy: a label, how many, a tooltip, and the results per strategy (space-separated).
     */
    public record Chip(String label, int count, String title, String results) {}

    /** A row of the boot events list: one chip's events with their order numbers. */
    public record EventRow(
            String order,
            String stage,
            String api,
            String kernelApi,
            String function,
            String region,
            String source,
            int count,
            String results) {}

    /** The SVG map: its size, the address ticks, and the bars (RAM and described regions). */
    public record MapView(int width, int height, String scale, List<Tick> ticks, List<Bar> bars) {}

    /** An address tick at {@code x}. */
    public record Tick(int x, String label) {}

    /**
     * One drawn range: geometry, its tooltip, and its result under each strategy in strategy order, separated by
     * spaces ({@code ram} for Dom0's RAM).
     */
    public record Bar(int x, int y, int width, int height, String title, String results) {}

    /** One memory region in the list under the map, with its result under each strategy (space-separated). */
    public record RegionRow(String base, String length, String kind, String table, String path, String results) {}

    /**
     * One strategy's costs, formatted, with the estimated boot time as a percentage of the dearest strategy's
     * ({@code timeBar}) for the bar beside it.
     */
    public record CostRow(
            String strategy,
            String verdict,
            boolean recommended,
            String hypercalls,
            String stage2Faults,
            String pagesMapped,
            String p2mTablePages,
            String p2mTableBytes,
            String estimatedMicros,
            int timeBar) {}

    /** One firmware finding, formatted: severity label, rule, table (with instance), hex offset, message. */
    public record FindingRow(String severity, String ruleId, String table, String offset, String message) {}

    /** One table of the platform as the firmware names it. */
    public record TableRow(
            String signature,
            int instance,
            long length,
            int revision,
            boolean checksumValid,
            String oemId,
            String oemTableId,
            String creatorId) {}

    /** One device of the namespace. */
    public record DeviceRow(String path, String hid, boolean enumerated) {}

    /**
     * The matrix's columns: the strategies the report's platforms were simulated under, by id in report order (a
     * build may simulate a subset).
     */
    static List<StrategyInfo> strategies(java.util.Collection<String> ids) {
        List<StrategyInfo> out = new ArrayList<>();
        for (String id : ids) {
            String description = MappingStrategy.all().stream()
                    .filter(m -> m.id().equals(id))
                    .findFirst()
                    .map(MappingStrategy::description)
                    .orElse("");
            out.add(new StrategyInfo(id, description));
        }
        return out;
    }

    static String render(String template, Page page) {
        try {
            Template t = FREEMARKER.getTemplate(template);
            StringWriter out = new StringWriter();
            t.process(Map.of("page", page), out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("the HTML report template " + template + " failed: " + e.getMessage(), e);
        }
    }

    /** A platform's view, its matrix row left for {@link PlatformView#withColumns} once the columns are known. */
    static PlatformView platform(String anchor, String href, PlatformReport p) {
        List<SimulationResult> sims = p.results();
        List<Cell> cells = p.strategies().stream()
                .map(s -> new Cell(
                        s.strategy(),
                        verdict(p, s),
                        s.count(OutcomeResult.DOM0_ABORT),
                        s.count(OutcomeResult.DMA_FAULT),
                        s.count(OutcomeResult.FEATURE_LOST),
                        s.count(OutcomeResult.DENIED),
                        !p.complete() ? "damaged input" : notBuilt(s) ? NOT_BUILT_HEADLINE : headline(s),
                        p.complete() ? why(s) : ""))
                .toList();
        List<DescribedRegion> memory = p.platform().regions().stream()
                .filter(DescribedRegion::isDeviceMemory)
                .toList();
        Touches touches = Touches.of(sims);
        IdentityHashMap<DescribedRegion, String> touched = new IdentityHashMap<>();
        memory.forEach(r -> touched.put(r, touches.results(r.base(), r.length())));
        List<RegionRow> rows = memory.stream()
                .map(r -> new RegionRow(
                        hex(r.base()),
                        hex(r.length()),
                        r.kind().name(),
                        r.table() + (r.instance() > 1 ? "#" + r.instance() : ""),
                        r.path(),
                        touched.get(r)))
                .toList();
        String recommended = p.summary().recommended();
        long dearest = p.strategies().stream()
                .mapToLong(s -> s.costs().estimatedMicros())
                .max()
                .orElse(0);
        List<CostRow> costs = p.strategies().stream()
                .map(s -> cost(s, verdict(p, s), s.strategy().equals(recommended), dearest))
                .toList();
        int selected = -1;
        for (int i = 0; i < p.strategies().size(); i++) {
            if (p.strategies().get(i).strategy().equals(recommended)) {
                selected = i;
            }
        }
        List<OutcomeRow> outcomes = new ArrayList<>();
        for (StrategyReport s : p.strategies()) {
            for (OutcomeGroup g : s.outcomes()) {
                outcomes.add(new OutcomeRow(
                        s.strategy(),
                        verdict(p, s),
                        g.result(),
                        g.severity().label(),
                        g.region(),
                        g.describedBy(),
                        String.join(", ", g.functions()),
                        g.accesses(),
                        g.feature(),
                        g.reason()));
            }
        }
        List<TableRow> tables =
                p.platform().tables().stream().map(HtmlReport::table).toList();
        List<DeviceRow> devices = p.platform().devices().stream()
                .map(d -> new DeviceRow(d.path(), d.hid(), d.enumerated()))
                .toList();
        List<String> rules = p.findings().stream()
                .map(ReportFinding::ruleId)
                .distinct()
                .sorted()
                .toList();
        BootTimeline timeline = BootTimeline.of(sims);
        return PlatformView.builder()
                .anchor(anchor)
                .href(href)
                .name(p.name())
                .shortName(shortName(p.name()))
                .source(p.platform().source().toString())
                .summary(p.summary())
                .recommendation(recommendation(p, cells))
                .cells(cells)
                .timeline(timeline.lanes())
                .events(timeline.rows())
                .eventCount(sims.isEmpty() ? 0 : sims.get(0).outcomes().size())
                .map(map(p.platform().ram(), memory, sims, touched::get))
                .regions(rows)
                .costs(costs)
                .findings(p.findings().stream().map(HtmlReport::finding).toList())
                .rules(rules)
                .errors(p.count(Severity.ERROR))
                .warnings(p.count(Severity.WARNING))
                .outcomes(outcomes)
                .tables(tables)
                .devices(devices)
                .selected(selected)
                .row(List.of())
                .settings(p.settings().line())
                .complete(p.complete())
                .grid(grid(p.grid()))
                .stageTwo(p.stageTwoMap().stream()
                        .map(e -> MapRow.of(e, p.strategies().size()))
                        .toList())
                .build();
    }

    /** A strategy's verdict as every table shows it: {@link #INCOMPLETE} on a platform the model did not see whole. */
    static String verdict(PlatformReport p, StrategyReport s) {
        return p.complete() ? s.verdict() : INCOMPLETE;
    }

    /** The name as the matrix shows it: whole up to {@link #SHORT_NAME} characters, else cut with an ellipsis. */
    static String shortName(String name) {
        return name.length() <= SHORT_NAME ? name : name.substring(0, SHORT_NAME - 1) + "\u2026";
    }

    /** How bad an outcome id is: 0 for the worst; {@code untouched} and {@code ram} come last. */
    static int rank(String id) {
        for (int i = 0; i < WORST_FIRST.size(); i++) {
            if (WORST_FIRST.get(i).id().equals(id)) {
                return i;
            }
        }
        return WORST_FIRST.size();
    }

    /** The recommendation in one plain sentence: which strategy to use, or that none works. */
    static String recommendation(PlatformReport p, List<Cell> cells) {
        Summary summary = p.summary();
        if (!p.complete()) {
            return "No verdict: the input is damaged (" + p.input().firstLoss()
                    + (p.input().losses().size() > 1
                            ? "; and " + (p.input().losses().size() - 1) + " more"
                            : "") + "). The model could not see all"
                    + " the firmware describes, so no strategy is recommended: fix the input first (the findings"
                    + " below start with it).";
        }
        if (summary.notBuilt() != null) {
            return summary.explanation();
        }
        if (summary.recommended() == null) {
            return "No strategy works on this firmware: under every one, Dom0 crashes or a device's DMA faults."
                    + " The firmware (or Xen) has to change.";
        }
        long passing = cells.stream().filter(c -> c.verdict().equals("PASS")).count();
        String which = "Use " + summary.recommended() + ". ";
        if (passing == 0) {
            return which + "No strategy boots with every device; this one boots Dom0 and costs least, but "
                    + "some features are lost or some mappings refused.";
        }
        return which + "It boots Dom0 with every device and adds the least boot time (about "
                + number(summary.recommendedCost().estimatedMicros()) + " \u00b5s) of the " + passing
                + " strategies that work.";
    }

    /** The worst thing that went wrong under a strategy, in two or three plain words; empty when nothing did. */
    /** Whether Xen refused to build Dom0, so that the strategy never ran (verdict NOT_BUILT). */
    static boolean notBuilt(StrategyReport s) {
        return s.verdict().equals(Verdict.NOT_BUILT.name());
    }

    static String headline(StrategyReport s) {
        return worstFirst(s).stream()
                .findFirst()
                .map(g -> switch (OutcomeResult.valueOf(
                        g.result().toUpperCase(Locale.ROOT).replace('-', '_'))) {
                    case DOM0_ABORT -> "crash: " + g.kind();
                    case DMA_FAULT -> "DMA fault: " + g.kind();
                    case DENIED -> "map refused: " + g.kind();
                    default -> "lost: " + g.kind();
                })
                .orElse("");
    }

    /**
     * The first few distinct things that went wrong under a strategy, worst first, in plain words, such as "Dom0
     * crashes when pci_scan_slot touches ECAM".
     */
    static String why(StrategyReport s) {
        List<String> what =
                worstFirst(s).stream().map(HtmlReport::plain).distinct().toList();
        String head = String.join("; ", what.subList(0, Math.min(3, what.size())));
        return what.size() > 3 ? head + "; and " + (what.size() - 3) + " more" : head;
    }

    private static List<OutcomeGroup> worstFirst(StrategyReport s) {
        return s.outcomes().stream()
                .sorted(Comparator.comparingInt(g -> rank(g.result())))
                .toList();
    }

    private static String plain(OutcomeGroup g) {
        String fn = g.functions().isEmpty() ? "" : g.functions().get(0);
        return switch (g.result()) {
            case "dom0-abort" -> "Dom0 crashes when " + fn + " touches " + g.kind();
            case "dma-fault" -> "a device's DMA to " + g.kind() + " faults (" + fn + ")";
            case "denied" -> "Xen refuses to map " + g.kind() + " for " + fn;
            default -> "the " + g.feature() + " is lost (" + g.kind() + ", " + fn + ")";
        };
    }

    private static FindingRow finding(ReportFinding f) {
        return new FindingRow(
                f.severity().label(),
                f.ruleId(),
                f.table() + (f.instance() > 1 ? "#" + f.instance() : ""),
                f.offset() >= 0 ? hex(f.offset()) : "-",
                f.message());
    }

    private static TableRow table(ReportedPlatform.Table t) {
        return new TableRow(
                t.signature(),
                t.instance(),
                t.header().length(),
                t.header().revision(),
                t.checksumValid(),
                t.header().oemId(),
                t.header().oemTableId(),
                t.header().creatorId());
    }

    private static CostRow cost(StrategyReport s, String verdict, boolean recommended, long dearest) {
        SimulationCosts c = s.costs();
        int bar = dearest <= 0
                ? 0
                : (int) Math.max(c.estimatedMicros() > 0 ? 1 : 0, Math.round(100.0 * c.estimatedMicros() / dearest));
        return new CostRow(
                s.strategy(),
                verdict,
                recommended,
                number(c.hypercalls()),
                number(c.stage2Faults()),
                number(c.pagesMapped()),
                number(c.p2mTablePages()),
                number(c.p2mTableBytes()),
                number(c.estimatedMicros()),
                bar);
    }

    /**
     * The boot events of each simulation as arrays of base, end and rank in {@link #WORST_FIRST}, so that the
     * worst result touching each region of a platform is found without walking records (a platform's regions
     * times its events is the HTML report's largest loop).
     */
    private static final class Touches {
        private final long[][] bases;
        private final long[][] ends;
        private final int[][] ranks;

        private Touches(long[][] bases, long[][] ends, int[][] ranks) {
            this.bases = bases;
            this.ends = ends;
            this.ranks = ranks;
        }

        static Touches of(List<SimulationResult> sims) {
            long[][] bases = new long[sims.size()][];
            long[][] ends = new long[sims.size()][];
            int[][] ranks = new int[sims.size()][];
            for (int i = 0; i < sims.size(); i++) {
                List<Outcome> outcomes = sims.get(i).outcomes();
                bases[i] = new long[outcomes.size()];
                ends[i] = new long[outcomes.size()];
                ranks[i] = new int[outcomes.size()];
                for (int j = 0; j < outcomes.size(); j++) {
                    Outcome o = outcomes.get(j);
                    bases[i][j] = o.event().base();
                    ends[i][j] = o.event().base() + Math.max(1, o.event().length());
                    ranks[i][j] = WORST_FIRST.indexOf(o.result());
                }
            }
            return new Touches(bases, ends, ranks);
        }

        /** The worst result of the events touching a range, per strategy, as ids separated by spaces. */
        String results(long base, long length) {
            StringBuilder out = new StringBuilder();
            long end = base + length;
            for (int i = 0; i < bases.length; i++) {
                int worst = Integer.MAX_VALUE;
                long[] b = bases[i];
                long[] e = ends[i];
                int[] r = ranks[i];
                for (int j = 0; j < b.length && worst > 0; j++) {
                    // Unsigned, as addresses are; a range that wraps past 2^64 touches nothing above it.
                    if (r[j] < worst && Long.compareUnsigned(b[j], end) < 0 && Long.compareUnsigned(base, e[j]) < 0) {
                        worst = r[j];
                    }
                }
                if (i > 0) {
                    out.append(' ');
                }
                out.append(
                        worst == Integer.MAX_VALUE
                                ? "untouched"
                                : WORST_FIRST.get(worst).id());
            }
            return out.toString();
        }
    }

    /** The physical address space on a log2 scale (addresses span many orders of magnitude), one lane per overlap. */
    static MapView map(List<MemoryRange> ram, List<DescribedRegion> regions, List<SimulationResult> sims) {
        Touches touches = Touches.of(sims);
        return map(ram, regions, sims, r -> touches.results(r.base(), r.length()));
    }

    private static MapView map(
            List<MemoryRange> ram,
            List<DescribedRegion> regions,
            List<SimulationResult> sims,
            Function<DescribedRegion, String> results) {
        record Range(long base, long length, String title, String results) {}
        List<Range> ranges = new ArrayList<>();
        String ramResults = String.join(" ", sims.stream().map(s -> "ram").toList());
        for (MemoryRange m : ram) {
            ranges.add(
                    new Range(m.base(), m.length(), "Dom0 RAM " + hex(m.base()) + " +" + hex(m.length()), ramResults));
        }
        for (DescribedRegion r : regions) {
            ranges.add(new Range(
                    r.base(),
                    r.length(),
                    r.kind() + " " + hex(r.base()) + " +" + hex(r.length()) + " " + r.table() + " " + r.path(),
                    results.apply(r)));
        }
        // The axis spans the whole powers of two that hold the ranges; addresses are unsigned 64-bit.
        double lo = ranges.isEmpty() ? 20 : Double.MAX_VALUE;
        double hi = ranges.isEmpty() ? 32 : 0;
        for (Range r : ranges) {
            lo = Math.min(lo, Math.floor(log2(unsigned(r.base()))));
            hi = Math.max(hi, Math.ceil(log2(end(r.base(), r.length()))));
        }
        hi = Math.min(64, Math.max(hi, lo + 4));
        // At most about MAX_TICKS labels, so that a map from 1 B to 16 EiB stays readable.
        int step = (int) Math.ceil((hi - lo + 1) / MAX_TICKS);
        List<Tick> ticks = new ArrayList<>();
        for (int bit = (int) lo; bit <= (int) hi; bit += step) {
            ticks.add(new Tick(x(Math.pow(2, bit), lo, hi), size(bit)));
        }
        // Ranges that land on the same pixels with the same results are drawn as one bar with one tooltip.
        record Span(int x0, int x1, String title, String results) {}
        ranges.sort((a, b) -> Long.compareUnsigned(a.base(), b.base()));
        List<Span> spans = new ArrayList<>();
        for (Range r : ranges) {
            int x0 = x(Math.max(1, unsigned(r.base())), lo, hi);
            int x1 = Math.min(MAP_LEFT + MAP_WIDTH, Math.max(x0 + 6, x(end(r.base(), r.length()), lo, hi)));
            x0 = Math.min(x0, x1 - 6);
            Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && x0 < last.x1() && last.results().equals(r.results())) {
                spans.set(
                        spans.size() - 1,
                        new Span(last.x0(), Math.max(last.x1(), x1), last.title() + "\n" + r.title(), last.results()));
            } else {
                spans.add(new Span(x0, x1, r.title(), r.results()));
            }
        }
        List<Bar> bars = new ArrayList<>();
        List<Integer> laneEnds = new ArrayList<>();
        for (Span sp : spans) {
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane) > sp.x0()) {
                lane++;
            }
            if (lane == laneEnds.size()) {
                laneEnds.add(sp.x1());
            } else {
                laneEnds.set(lane, sp.x1());
            }
            bars.add(new Bar(
                    sp.x0(),
                    MAP_TOP + lane * LANE_HEIGHT,
                    sp.x1() - sp.x0(),
                    LANE_HEIGHT - 4,
                    sp.title(),
                    sp.results()));
        }
        int height = MAP_TOP + Math.max(1, laneEnds.size()) * LANE_HEIGHT + 6;
        return new MapView(
                MAP_LEFT + MAP_WIDTH + 20,
                height,
                "log2 of the physical address, " + size((int) lo) + " to " + size((int) hi),
                ticks,
                bars);
    }

    private static int x(double address, double lo, double hi) {
        double pos = (log2(address) - lo) / (hi - lo);
        return MAP_LEFT + (int) Math.round(Math.max(0, Math.min(1, pos)) * MAP_WIDTH);
    }

    private static double log2(double v) {
        return Math.log(Math.max(1, v)) / Math.log(2);
    }

    /** An address or length read as unsigned 64-bit. */
    static double unsigned(long v) {
        return v >= 0 ? v : v + 0x1p64;
    }

    /** Where a range ends, unsigned, at most 2^64 (a range that wraps ends at the top of the space). */
    static double end(long base, long length) {
        return Math.min(0x1p64, unsigned(base) + unsigned(length));
    }

    private static final double MAX_TICKS = 16;

    private static String size(int bit) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        return (1L << (bit % 10)) + " " + units[Math.min(units.length - 1, bit / 10)];
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v).toUpperCase(Locale.ROOT);
    }

    private static String number(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_35);
        c.setClassForTemplateLoading(HtmlReport.class, "/io/github/xenacpi/report");
        c.setRecognizeStandardFileExtensions(true);
        c.setDefaultEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setNumberFormat("computer");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        return c;
    }
}
