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
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    private ReportWriter() {
    }

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
        // One job per format, the longest (the HTML pages) first; each writes its own files only.
        List<Callable<Path>> jobs = new ArrayList<>();
        if (names.contains(FILES.get(1))) {
            jobs.add(() -> {
                Path pages = dir.resolve(HtmlReport.PLATFORM_DIR);
                if (Files.isSymbolicLink(pages)) {
                    Files.delete(pages);
                }
                removeOldPlatformPages(pages);
                for (Map.Entry<String, String> page : HtmlReport.pages(report).entrySet()) {
                    Path file = dir.resolve(page.getKey());
                    Files.createDirectories(file.getParent());
                    write(file, page.getValue());
                }
                return dir.resolve(FILES.get(1));
            });
        }
        if (names.contains(FILES.get(0))) {
            jobs.add(() -> {
                Path json = dir.resolve(FILES.get(0));
                try (OutputStream out = create(json)) {
                    MAPPER.writeValue(out, report);
                }
                return json;
            });
        }
        if (names.contains(FILES.get(2))) {
            jobs.add(() -> {
                Path sarif = dir.resolve(FILES.get(2));
                try (OutputStream out = create(sarif)) {
                    MAPPER.writeValue(out, SarifReport.of(report, sourceRoot));
                }
                return sarif;
            });
        }
        if (names.contains(FILES.get(3))) {
            jobs.add(() -> {
                Path junit = dir.resolve(FILES.get(3));
                write(junit, JunitReport.xml(report));
                return junit;
            });
        }
        List<Path> written = new ArrayList<>(run(jobs));
        written.sort(Comparator.comparingInt(p -> FILES.indexOf(p.getFileName().toString())));
        return List.copyOf(written);
    }

    /**
     * Runs the writers' jobs, as many at once as there are processors (a cold JVM spends most of a format's time
     * loading and interpreting its writer's classes, which another core can do for another format meanwhile);
     * the first failure is thrown as the job threw it, once every job has ended.
     */
    private static List<Path> run(List<Callable<Path>> jobs) throws IOException {
        int threads = Math.min(jobs.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            List<Path> out = new ArrayList<>();
            for (Callable<Path> job : jobs) {
                out.add(call(job));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "xenacpi-report-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (Callable<Path> job : jobs) {
                futures.add(pool.submit(() -> call(job)));
            }
            List<Path> out = new ArrayList<>();
            Throwable failure = null;
            for (Future<Path> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    } else {
                        failure.addSuppressed(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while writing the report");
                }
            }
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure instanceof Error err) {
                throw err;
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one job, letting its I/O and runtime failures through as they are. */
    private static Path call(Callable<Path> job) throws IOException {
        try {
            return job.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a report writer failed: " + e.getMessage(), e);
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
        return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
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
