package io.github.xenacpi.site;

import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The sample conformance report of the site: every preset, written by the report writer as users get it. */
final class SampleReport {
    /** The site folder the report is written to. */
    static final String FOLDER = "sample-report";

    /** The report's time, fixed so that two site builds of one commit write the same files. */
    static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    private SampleReport() {}

    /** Writes report.json, index.html, report.sarif and junit.xml into {@code resources}/sample-report. */
    static List<Path> write(Path resources) throws SiteException {
        List<Platform> platforms =
                Arrays.stream(Preset.values()).map(Preset::platform).toList();
        Path dir = resources.resolve(FOLDER);
        try {
            return ReportWriter.write(ConformanceReport.of(platforms, TIME), dir);
        } catch (IOException e) {
            throw new SiteException("cannot write the sample report into " + dir + ": " + e.getMessage(), e);
        }
    }
}
