package io.github.xenacpi.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.MemoryRange;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import io.github.xenacpi.report.ConformanceReport.Summary;
import io.github.xenacpi.simulation.Outcome;
import io.github.xenacpi.simulation.OutcomeResult;
import io.github.xenacpi.simulation.SimulationCosts;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.strategy.MappingStrategy;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page (inline CSS and JS, no network, opens from file://), rendered by
 * Freemarker from {@code index.ftlh} with HTML auto-escaping, so firmware text is always escaped. The page model
 * is the public records below, computed here so that the template only lays them out.
 */
public final class HtmlReport {

    private static final Configuration FREEMARKER = configuration();

    /** Worst first: the result a region shows when several boot events touch it. */
    private static final List<OutcomeResult> WORST_FIRST = List.of(OutcomeResult.DOM0_ABORT,
            OutcomeResult.DMA_FAULT, OutcomeResult.DENIED, OutcomeResult.FEATURE_LOST, OutcomeResult.STAGE1_ONLY,
            OutcomeResult.MAPPED_ON_FAULT, OutcomeResult.EMULATED, OutcomeResult.MAPPED_AHEAD);

    /** Width of the memory map's drawing area in SVG units. */
    static final int MAP_WIDTH = 1200;
    private static final int MAP_LEFT = 70;
    private static final int LANE_HEIGHT = 20;
    private static final int MAP_TOP = 22;

    private HtmlReport() {
    }

    /** The page: title line, the strategies (id and one sentence each), and one section per platform. */
    public record Page(String toolVersion, String generated, List<StrategyInfo> strategies,
                       List<PlatformView> platforms) {
    }

    /** A strategy's id and what it does. */
    public record StrategyInfo(String id, String description) {
    }

    /**
     * One platform: its anchor, name, source, the summary, the verdict under each strategy, the memory map, the
     * regions it draws, the costs, the findings, the tables and the namespace's devices.
     */
    public record PlatformView(String anchor, String name, String source, Summary summary, List<Cell> cells,
                               MapView map, List<RegionRow> regions, List<CostRow> costs,
                               List<FindingRow> findings, List<String> rules, long errors, long warnings,
                               List<TableRow> tables, List<DeviceRow> devices, int selected) {
    }

    /**
     * The verdict of one strategy on one platform, with the counts of what went wrong and why, in a few words
     * (the distinct region kinds and kernel functions of the first outcomes that went wrong; empty when none).
     */
    public record Cell(String strategy, String verdict, long aborts, long dmaFaults, long lost, long denied,
                       String why) {
    }

    /** The SVG map: its size, the address ticks, and the bars (RAM and described regions). */
    public record MapView(int width, int height, String scale, List<Tick> ticks, List<Bar> bars) {
    }

    /** An address tick at {@code x}. */
    public record Tick(int x, String label) {
    }

    /**
     * One drawn range: geometry, its tooltip, and its result under each strategy in strategy order, separated by
     * spaces ({@code ram} for Dom0's RAM).
     */
    public record Bar(int x, int y, int width, int height, String title, String results) {
    }

    /** One memory region in the list under the map, with its result under each strategy (space-separated). */
    public record RegionRow(String base, String length, String kind, String table, String path, String results) {
    }

    /** One strategy's costs, formatted. */
    public record CostRow(String strategy, String verdict, boolean recommended, String hypercalls,
                          String stage2Faults, String pagesMapped, String p2mTablePages, String p2mTableBytes,
                          String estimatedMicros) {
    }

    /** One finding, formatted: severity label, rule, strategy, table (with instance), hex offset, message. */
    public record FindingRow(String severity, String ruleId, String strategy, String table, String offset,
                             String message) {
    }

    /** One table of the platform as the firmware names it. */
    public record TableRow(String signature, int instance, long length, int revision, boolean checksumValid,
                           String oemId, String oemTableId, String creatorId) {
    }

    /** One device of the namespace. */
    public record DeviceRow(String path, String hid, boolean enumerated) {
    }

    /** The page of a report. */
    static String render(ConformanceReport report) {
        List<StrategyInfo> strategies = MappingStrategy.all().stream()
                .map(s -> new StrategyInfo(s.id(), s.description())).toList();
        List<PlatformView> platforms = new ArrayList<>();
        for (int i = 0; i < report.platforms().size(); i++) {
            platforms.add(platform("p" + i, report.platforms().get(i)));
        }
        Page page = new Page(report.toolVersion(), report.generated(), strategies, platforms);
        try {
            Template t = FREEMARKER.getTemplate("index.ftlh");
            StringWriter out = new StringWriter();
            t.process(Map.of("page", page), out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("the HTML report template failed: " + e.getMessage(), e);
        }
    }

    private static PlatformView platform(String anchor, PlatformReport p) {
        List<SimulationResult> sims = p.results();
        List<Cell> cells = sims.stream().map(s -> new Cell(s.strategy(), s.verdict().name(),
                s.withResult(OutcomeResult.DOM0_ABORT).size(), s.withResult(OutcomeResult.DMA_FAULT).size(),
                s.withResult(OutcomeResult.FEATURE_LOST).size(), s.withResult(OutcomeResult.DENIED).size(), why(s)))
                .toList();
        List<DescribedRegion> memory = p.platform().regions().stream().filter(DescribedRegion::isDeviceMemory)
                .toList();
        List<RegionRow> rows = memory.stream().map(r -> new RegionRow(hex(r.base()), hex(r.length()),
                r.kind().name(), r.table() + (r.instance() > 1 ? "#" + r.instance() : ""), r.path(),
                results(sims, r.base(), r.length()))).toList();
        String recommended = p.summary().recommended();
        List<CostRow> costs = sims.stream().map(s -> cost(s, s.strategy().equals(recommended))).toList();
        int selected = 0;
        for (int i = 0; i < sims.size(); i++) {
            if (sims.get(i).strategy().equals(recommended)) {
                selected = i;
            }
        }
        List<TableRow> tables = p.platform().tables().all().stream().map(HtmlReport::table).toList();
        List<DeviceRow> devices = p.platform().survey().devices().stream()
                .map(d -> new DeviceRow(d.path(), d.hid() == null ? "" : d.hid(), d.enumerated())).toList();
        List<String> rules = p.findings().stream().map(ReportFinding::ruleId).distinct().sorted().toList();
        return new PlatformView(anchor, p.name(), String.valueOf(p.platform().tables().image().path()), p.summary(),
                cells, map(p.platform().ram(), memory, sims), rows, costs,
                p.findings().stream().sorted(Comparator.comparing(ReportFinding::severity))
                        .map(HtmlReport::finding).toList(), rules,
                p.count(Severity.ERROR), p.count(Severity.WARNING),
                tables, devices, selected);
    }

    /**
     * The first few distinct things that went wrong under a strategy, such as "dom0-abort on ECAM in pci_scan_slot".
     */
    static String why(SimulationResult s) {
        List<String> what = s.outcomes().stream()
                .filter(o -> WORST_FIRST.indexOf(o.result()) <= WORST_FIRST.indexOf(OutcomeResult.FEATURE_LOST))
                .map(o -> o.result().id() + " on " + o.event().kind() + " in " + o.event().function())
                .distinct().toList();
        String head = String.join("; ", what.subList(0, Math.min(3, what.size())));
        return what.size() > 3 ? head + "; and " + (what.size() - 3) + " more" : head;
    }

    private static FindingRow finding(ReportFinding f) {
        return new FindingRow(f.severity().label(), f.ruleId(), f.strategy(),
                f.table() + (f.instance() > 1 ? "#" + f.instance() : ""), f.offset() >= 0 ? hex(f.offset()) : "-",
                f.message());
    }

    private static TableRow table(LoadedTable t) {
        return new TableRow(t.signature(), t.instance(), t.header().length(), t.header().revision(),
                t.checksumValid(), t.header().oemId(), t.header().oemTableId(), t.header().creatorId());
    }

    private static CostRow cost(SimulationResult s, boolean recommended) {
        SimulationCosts c = s.costs();
        return new CostRow(s.strategy(), s.verdict().name(), recommended, number(c.hypercalls()),
                number(c.stage2Faults()), number(c.pagesMapped()), number(c.p2mTablePages()),
                number(c.p2mTableBytes()), number(c.estimatedMicros()));
    }

    /** The worst result of the events touching a range, per strategy, as ids separated by spaces. */
    static String results(List<SimulationResult> sims, long base, long length) {
        List<String> out = new ArrayList<>();
        for (SimulationResult s : sims) {
            OutcomeResult worst = null;
            for (Outcome o : s.outcomes()) {
                long b = o.event().base();
                long len = Math.max(1, o.event().length());
                boolean overlaps = Long.compareUnsigned(b, base + length) < 0
                        && Long.compareUnsigned(base, b + len) < 0;
                if (overlaps && (worst == null || WORST_FIRST.indexOf(o.result()) < WORST_FIRST.indexOf(worst))) {
                    worst = o.result();
                }
            }
            out.add(worst == null ? "untouched" : worst.id());
        }
        return String.join(" ", out);
    }

    /** The physical address space on a log2 scale (addresses span many orders of magnitude), one lane per overlap. */
    private static MapView map(List<MemoryRange> ram, List<DescribedRegion> regions, List<SimulationResult> sims) {
        record Range(long base, long length, String title, String results) {
        }
        List<Range> ranges = new ArrayList<>();
        String ramResults = String.join(" ", sims.stream().map(s -> "ram").toList());
        for (MemoryRange m : ram) {
            ranges.add(new Range(m.base(), m.length(), "Dom0 RAM " + hex(m.base()) + " +" + hex(m.length()),
                    ramResults));
        }
        for (DescribedRegion r : regions) {
            ranges.add(new Range(r.base(), r.length(), r.kind() + " " + hex(r.base()) + " +" + hex(r.length()) + " "
                    + r.table() + " " + r.path(), results(sims, r.base(), r.length())));
        }
        // The axis spans the whole powers of two that hold the ranges.
        double lo = ranges.isEmpty() ? 20 : Double.MAX_VALUE;
        double hi = ranges.isEmpty() ? 32 : 0;
        for (Range r : ranges) {
            lo = Math.min(lo, Math.floor(log2(r.base())));
            hi = Math.max(hi, Math.ceil(log2(r.base() + (double) r.length())));
        }
        hi = Math.max(hi, lo + 4);
        List<Tick> ticks = new ArrayList<>();
        for (int bit = (int) lo; bit <= (int) hi; bit++) {
            ticks.add(new Tick(x(Math.pow(2, bit), lo, hi), size(bit)));
        }
        // Ranges that land on the same pixels with the same results are drawn as one bar with one tooltip.
        record Span(int x0, int x1, String title, String results) {
        }
        ranges.sort(Comparator.comparingLong(Range::base));
        List<Span> spans = new ArrayList<>();
        for (Range r : ranges) {
            int x0 = x(Math.max(1, r.base()), lo, hi);
            int x1 = Math.max(x0 + 6, x(r.base() + (double) r.length(), lo, hi));
            Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && x0 < last.x1() && last.results().equals(r.results())) {
                spans.set(spans.size() - 1, new Span(last.x0(), Math.max(last.x1(), x1),
                        last.title() + "\n" + r.title(), last.results()));
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
            bars.add(new Bar(sp.x0(), MAP_TOP + lane * LANE_HEIGHT, sp.x1() - sp.x0(), LANE_HEIGHT - 4, sp.title(),
                    sp.results()));
        }
        int height = MAP_TOP + Math.max(1, laneEnds.size()) * LANE_HEIGHT + 6;
        return new MapView(MAP_LEFT + MAP_WIDTH + 20, height, "log2 of the physical address, " + size((int) lo)
                + " to " + size((int) hi), ticks, bars);
    }

    private static int x(double address, double lo, double hi) {
        double pos = (log2(address) - lo) / (hi - lo);
        return MAP_LEFT + (int) Math.round(Math.max(0, Math.min(1, pos)) * MAP_WIDTH);
    }

    private static double log2(double v) {
        return Math.log(Math.max(1, v < 0 ? v + 0x1p64 : v)) / Math.log(2);
    }

    private static String size(int bit) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        return (1L << (bit % 10)) + " " + units[Math.min(units.length - 1, bit / 10)];
    }

    private static String hex(long v) {
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
