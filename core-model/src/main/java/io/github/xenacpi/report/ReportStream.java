package io.github.xenacpi.report;

import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes the files of a report ({@link ReportWriter#FILES}, those asked for) platform by platform: each platform's
 * part is written into a scratch file or folder of the report folder as soon as it is added, and {@link #finish}
 * writes what a format states across platforms (SARIF's run headers, JUnit XML's totals, the HTML index) and puts
 * the files in place of the previous report's. Writing a report of many platforms thus holds one platform's part at
 * a time, and a matrix row per platform, never the whole report; a run that fails before {@link #finish} leaves the
 * previous report as it was. Closing an unfinished stream removes its scratch files; those of a run that was killed
 * are removed by the next ({@link ScratchFiles}).
 */
public final class ReportStream implements AutoCloseable {
    private final Path dir;
    private final List<String> files;
    private final FormatWriter[] writers;
    private int added;
    private final int expected;

    private ReportStream(Path dir, List<String> files, FormatWriter[] writers, int expected) {
        this.dir = dir;
        this.files = files;
        this.writers = writers;
        this.expected = expected;
    }

    /**
     * Starts writing into {@code dir} (created when missing) the files of {@link ReportWriter#FILES} that
     * {@code names} lists, for a report with the schema, version, time and rules of {@code head} (its own
     * platforms are not written: add them) whose platforms bear these names, in report order. Table files under
     * {@code sourceRoot} are located relative to it in the SARIF log ({@code %SRCROOT%}).
     */
    public static ReportStream open(
            Path dir, Collection<String> names, Path sourceRoot, ConformanceReport head, List<String> platformNames)
            throws IOException {
        Files.createDirectories(dir);
        ScratchFiles.removeStale(dir);
        List<String> files = ReportWriter.FILES.stream().filter(names::contains).toList();
        FormatWriter[] writers = new FormatWriter[files.size()];
        try {
            for (int i = 0; i < files.size(); i++) {
                Path file = dir.resolve(files.get(i));
                writers[i] = switch (files.get(i)) {
                    case "report.json" -> new JsonReport(head, file);
                    case "index.html" -> new HtmlFiles(head, platformNames, dir);
                    case "report.sarif" -> new SarifReport(head, platformNames, file, sourceRoot);
                    case "junit.xml" -> new JunitReport(head, file);
                    default -> throw new IllegalStateException("no writer for " + files.get(i));
                };
            }
        } catch (IOException | RuntimeException e) {
            closeAll(writers, e);
            throw e;
        }
        return new ReportStream(dir, files, writers, platformNames.size());
    }

    /**
     * Writes, or sets aside, the next platform's part of every file.
     *
     * @throws IllegalStateException when every platform {@link #open} was told of has been added already
     */
    public void add(PlatformReport platform) throws IOException {
        if (added == expected) {
            throw new IllegalStateException("the report was opened for " + expected + " platforms and "
                    + platform.name() + " would be one more");
        }
        for (FormatWriter w : writers) {
            w.add(platform);
        }
        added++;
    }

    /**
     * Completes every file once all platforms have been added; returns the paths of the files written, in the order
     * of {@link ReportWriter#FILES}.
     *
     * @throws IllegalStateException when fewer or more platforms were added than {@link #open} was told of
     */
    public List<Path> finish() throws IOException {
        if (added != expected) {
            throw new IllegalStateException(
                    "the report was opened for " + expected + " platforms and " + added + " were added");
        }
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < writers.length; i++) {
            writers[i].finish();
            out.add(dir.resolve(files.get(i)));
        }
        return List.copyOf(out);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (FormatWriter w : writers) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Closes the writers made so far after {@code failure}, which carries what closing them threw. */
    private static void closeAll(FormatWriter[] writers, Exception failure) {
        for (FormatWriter w : writers) {
            if (w == null) {
                continue;
            }
            try {
                w.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
