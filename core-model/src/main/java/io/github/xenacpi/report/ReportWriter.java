package io.github.xenacpi.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.inspect.InspectJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Writes a {@link ConformanceReport} into a folder in four forms: {@code report.json} (the document itself),
 * {@code index.html} (self-contained HTML for people; a large report adds one page per platform under
 * {@code platforms/}), {@code report.sarif} (SARIF 2.1.0 for code scanning)
 * and {@code junit.xml} (Surefire's format, for CI test views). It never follows a symbolic link it finds in the
 * report folder: a link in place of a report file (or of the {@code platforms/} folder) is replaced, its target
 * left alone.
 */
public final class ReportWriter {

    /** The file names written, in the order {@link #write} returns them. */
    public static final List<String> FILES = List.of("report.json", "index.html", "report.sarif", "junit.xml");

    /** Jackson as the report serialises: indented, severities as their lower-case labels. */
    static final ObjectMapper MAPPER = InspectJson.newMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule("xenacpi-report").addSerializer(Severity.class, new SeveritySerializer()));

    private ReportWriter() {}

    /**
     * Writes the four files into {@code dir} (created when missing), and the per-platform pages of a large
     * report; returns the paths of the four.
     */
    public static List<Path> write(ConformanceReport report, Path dir) throws IOException {
        return write(report, dir, FILES);
    }

    /**
     * Writes the files of {@link #FILES} that {@code names} lists into {@code dir} (created when missing), with
     * the per-platform pages of a large report when {@code index.html} is among them; returns the paths of the
     * files of {@link #FILES} written, in that order.
     */
    public static List<Path> write(ConformanceReport report, Path dir, Collection<String> names) throws IOException {
        return write(report, dir, names, Path.of("").toAbsolutePath());
    }

    /**
     * As {@link #write(ConformanceReport, Path, Collection)}, with the project's folder as the SARIF log's
     * {@code %SRCROOT%}: table files under it are located relative to it.
     */
    public static List<Path> write(ConformanceReport report, Path dir, Collection<String> names, Path sourceRoot)
            throws IOException {
        Files.createDirectories(dir);
        boolean html = names.contains(FILES.get(1));
        if (html) {
            Path folder = dir.resolve(HtmlReport.PLATFORM_DIR);
            if (Files.isSymbolicLink(folder)) {
                Files.delete(folder);
            }
            removeOldPlatformPages(folder);
        }
        // A report of several platforms has its HTML pages (most of the writing) made and written on other threads
        // while the other formats are written; one platform's report is too small to gain from it (performance.md).
        CompletableFuture<Void> pages = html && report.platforms().size() > 1
                ? CompletableFuture.runAsync(() -> {
                    try {
                        writePages(report, dir);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                : null;
        Path[] written = new Path[FILES.size()];
        if (names.contains(FILES.get(0))) {
            written[0] = dir.resolve(FILES.get(0));
            try (OutputStream out = create(written[0])) {
                MAPPER.writeValue(out, report);
            }
        }
        if (names.contains(FILES.get(2))) {
            written[2] = dir.resolve(FILES.get(2));
            try (OutputStream out = create(written[2])) {
                MAPPER.writeValue(out, SarifReport.of(report, sourceRoot));
            }
        }
        if (names.contains(FILES.get(3))) {
            written[3] = dir.resolve(FILES.get(3));
            write(written[3], JunitReport.xml(report));
        }
        if (html) {
            if (pages == null) {
                writePages(report, dir);
            } else {
                finish(pages);
            }
            written[1] = dir.resolve(FILES.get(1));
        }
        return Arrays.stream(written).filter(Objects::nonNull).toList();
    }

    /** The HTML pages, each written into {@code dir} as soon as it is made. */
    private static void writePages(ConformanceReport report, Path dir) throws IOException {
        HtmlReport.write(report, (path, html) -> {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            write(file, html);
        });
    }

    /** Waits for the pages written on other threads; a failure there is thrown here as it would have been here. */
    private static void finish(CompletableFuture<Void> pages) throws IOException {
        try {
            pages.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static void write(Path file, String text) throws IOException {
        try (OutputStream out = create(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A new file in place of whatever is at {@code file}: an earlier report's file, or a symbolic link, is removed
     * (the link itself, never its target), then the file is created exclusively, so that a link planted in the
     * report folder cannot make the writer overwrite a file elsewhere.
     */
    private static OutputStream create(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Files.newOutputStream(
                file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Deletes the per-platform pages an earlier report left in {@code folder} (only {@code .html} files, which
     * this writer made), so that a smaller report does not sit beside stale pages; the folder goes when empty.
     */
    private static void removeOldPlatformPages(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> pages = Files.newDirectoryStream(folder, "*.html")) {
            for (Path page : pages) {
                Files.delete(page);
            }
        }
        try (DirectoryStream<Path> rest = Files.newDirectoryStream(folder)) {
            if (!rest.iterator().hasNext()) {
                Files.delete(folder);
            }
        }
    }

    /** A severity as its label ({@code error}, {@code warning}, {@code info}), as the inspect document writes it. */
    private static final class SeveritySerializer extends StdSerializer<Severity> {
        private static final long serialVersionUID = 1L;

        SeveritySerializer() {
            super(Severity.class);
        }

        @Override
        public void serialize(Severity value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.label());
        }
    }
}
