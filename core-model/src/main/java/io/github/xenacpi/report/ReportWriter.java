package io.github.xenacpi.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.inspect.InspectJson;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;

/**
 * Writes a {@link ConformanceReport} into a folder in four forms: {@code report.json} (the document itself),
 * {@code index.html} (self-contained HTML for people; a large report adds one page per platform under
 * {@code platforms/}), {@code report.sarif} (SARIF 2.1.0 for code scanning)
 * and {@code junit.xml} (Surefire's format, for CI test views). It never follows a symbolic link it finds in the
 * report folder: a link in place of a report file (or of the {@code platforms/} folder) is replaced, its target
 * left alone. A whole report goes through the same {@link ReportStream} a validation run writes platform by
 * platform.
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
        List<String> platforms =
                report.platforms().stream().map(PlatformReport::name).toList();
        try (ReportStream stream = ReportStream.open(dir, names, sourceRoot, report, platforms)) {
            for (PlatformReport p : report.platforms()) {
                stream.add(p);
            }
            return stream.finish();
        }
    }

    /** A writer of UTF-8 text into a new file in place of whatever is at {@code file} ({@link #create}). */
    static Writer newWriter(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(create(file), StandardCharsets.UTF_8));
    }

    /**
     * A new file in place of whatever is at {@code file}: an earlier report's file, or a symbolic link, is removed
     * (the link itself, never its target), then the file is created exclusively, so that a link planted in the
     * report folder cannot make the writer overwrite a file elsewhere.
     */
    static OutputStream create(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Files.newOutputStream(
                file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Deletes the per-platform pages an earlier report left in {@code folder} (only {@code .html} files, which
     * this writer made), so that a smaller report does not sit beside stale pages; the folder goes when empty. A
     * symbolic link in place of the folder is removed, its target left alone.
     */
    static void removeOldPlatformPages(Path folder) throws IOException {
        if (Files.isSymbolicLink(folder)) {
            Files.delete(folder);
            return;
        }
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
