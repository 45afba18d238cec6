package io.github.xenacpi.report;

import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.HtmlReport.Page;
import io.github.xenacpi.report.HtmlReport.PlatformView;
import io.github.xenacpi.report.HtmlReport.StrategyInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTML pages of a report, made platform by platform: {@code index.html} with every platform on it, or, when
 * there are more than {@link HtmlReport#SPLIT_PLATFORMS} platforms or that page would pass
 * {@link HtmlReport#SPLIT_CHARS} characters, one page per platform under {@code platforms/} and an index of their
 * matrix rows. A report past {@link HtmlReport#SPLIT_PLATFORMS} platforms has each platform's page written as soon as
 * the platform is added and keeps only its matrix row; a smaller one keeps its views until the end.
 */
final class HtmlPages implements FormatWriter {

    /** Where the pages go as they are made: each page's path relative to the report folder, and its text. */
    @FunctionalInterface
    interface PageSink {
        void page(String path, String html) throws IOException;
    }

    private final String toolVersion;
    private final String generated;
    private final List<String> files;
    private final int maxChars;
    private final boolean split;
    private final PageSink sink;
    private final Set<String> strategies = new LinkedHashSet<>();
    /** The views of a report that may fit one page (unsplit), or the matrix rows of a split one. */
    private final List<PlatformView> views = new ArrayList<>();

    /**
     * The pages of a report with the version and time of {@code head}, of platforms with these names in report order,
     * split past {@code maxPlatforms} platforms or {@code maxChars} characters.
     */
    HtmlPages(ConformanceReport head, List<String> platformNames, int maxPlatforms, int maxChars, PageSink sink) {
        this.toolVersion = head.toolVersion();
        this.generated = head.generated();
        this.files = PageNames.of(platformNames);
        this.maxChars = maxChars;
        this.split = platformNames.size() > maxPlatforms;
        this.sink = sink;
    }

    /** The pages of a whole report by their path relative to the report folder, {@code index.html} first. */
    static Map<String, String> of(ConformanceReport report, int maxPlatforms, int maxChars) {
        Map<String, String> made = new LinkedHashMap<>();
        List<String> names =
                report.platforms().stream().map(PlatformReport::name).toList();
        try (HtmlPages pages = new HtmlPages(report, names, maxPlatforms, maxChars, made::put)) {
            for (PlatformReport p : report.platforms()) {
                pages.add(p);
            }
            pages.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("index.html", made.remove("index.html"));
        out.putAll(made);
        return out;
    }

    /** As {@link #of(ConformanceReport, int, int)} with the default limits. */
    static Map<String, String> of(ConformanceReport report) {
        return of(report, HtmlReport.SPLIT_PLATFORMS, HtmlReport.SPLIT_CHARS);
    }

    @Override
    public void add(PlatformReport p) throws IOException {
        int i = views.size();
        p.strategies().forEach(s -> strategies.add(s.strategy()));
        PlatformView view = HtmlReport.platform("p" + i, "#p" + i, p);
        views.add(split ? page(i, view) : view);
    }

    @Override
    public void finish() throws IOException {
        List<StrategyInfo> columns = HtmlReport.strategies(strategies);
        if (!split) {
            List<PlatformView> all =
                    views.stream().map(v -> v.withColumns(columns)).toList();
            String one = HtmlReport.render("index.ftlh", new Page(toolVersion, generated, columns, all, false, ""));
            if (one.length() <= maxChars) {
                sink.page("index.html", one);
                return;
            }
            for (int i = 0; i < views.size(); i++) {
                views.set(i, page(i, views.get(i)));
            }
        }
        List<PlatformView> rows =
                views.stream().map(v -> v.withColumns(columns)).toList();
        sink.page(
                "index.html",
                HtmlReport.render("index.ftlh", new Page(toolVersion, generated, columns, rows, true, "")));
    }

    /** Writes the platform's own page; returns its matrix row, linked to that page. */
    private PlatformView page(int i, PlatformView view) throws IOException {
        String href = HtmlReport.PLATFORM_DIR + "/" + files.get(i);
        PlatformView linked = view.withHref(href);
        sink.page(
                href,
                HtmlReport.render(
                        "platform.ftlh", new Page(toolVersion, generated, List.of(), List.of(linked), true, "../")));
        return linked.matrixRow();
    }

    @Override
    public void close() {
        views.clear();
    }
}
