package io.github.xenacpi.report;

import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The HTML files of a report ({@link HtmlPages}) on disk: each page goes into a hidden staging folder of the report
 * folder as soon as it is made, and all of them are put in place, the previous report's platform pages removed
 * first, only when the report is complete, so that a run that fails halfway leaves the previous report's pages as
 * they were. Closing it removes whatever it did not put in place.
 */
final class HtmlFiles implements FormatWriter {
    private final Path dir;
    private final HtmlPages pages;
    /** Made with the first page. */
    private Path staging;

    /** The HTML files in {@code dir} of a report with this head, of platforms with these names in report order. */
    HtmlFiles(ConformanceReport head, List<String> platformNames, Path dir) {
        this.dir = dir;
        this.pages =
                new HtmlPages(head, platformNames, HtmlReport.SPLIT_PLATFORMS, HtmlReport.SPLIT_CHARS, this::stage);
    }

    @Override
    public void add(PlatformReport platform) throws IOException {
        pages.add(platform);
    }

    @Override
    public void finish() throws IOException {
        pages.finish();
        Path folder = dir.resolve(HtmlReport.PLATFORM_DIR);
        ReportWriter.removeOldPlatformPages(folder);
        if (staging == null) {
            return;
        }
        Path staged = staging.resolve(HtmlReport.PLATFORM_DIR);
        if (Files.isDirectory(staged, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder);
            try (DirectoryStream<Path> made = Files.newDirectoryStream(staged)) {
                for (Path page : made) {
                    place(page, folder.resolve(page.getFileName().toString()));
                }
            }
        }
        place(staging.resolve("index.html"), dir.resolve("index.html"));
        close();
    }

    /** A page made: into the staging folder, at its path relative to the report folder. */
    private void stage(String path, String html) throws IOException {
        if (staging == null) {
            staging = Files.createTempDirectory(dir, ScratchFiles.prefix() + "pages-");
        }
        Path file = staging.resolve(path);
        Files.createDirectories(file.getParent());
        try (OutputStream out = ReportWriter.create(file)) {
            out.write(html.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A staged file in place of {@code target} (a symbolic link there is replaced, its target left alone). */
    private static void place(Path staged, Path target) throws IOException {
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
        pages.close();
        if (staging == null) {
            return;
        }
        ScratchFiles.delete(staging);
        staging = null;
    }
}
