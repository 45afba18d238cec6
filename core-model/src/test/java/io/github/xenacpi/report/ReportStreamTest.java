package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xenacpi.conformance.RuleCatalog;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A report written platform by platform: a split report's pages are on disk as each platform is added, the
 * formats that state totals or headers first keep their platforms' parts in scratch files that go when the stream
 * finishes or closes, {@code report.json} has the bytes of the whole report serialised at once, and platforms that
 * share a name keep unique SARIF fingerprints however far apart they come.
 */
class ReportStreamTest {

    static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");

    static PlatformReport qemu;
    static PlatformReport seed;

    @BeforeAll
    static void platforms() {
        List<PlatformReport> made = ConformanceReport.of(
                        List.of(Preset.QEMU_VIRT.platform(), Preset.SEED_RFC.platform()), TIME)
                .platforms();
        qemu = made.get(0);
        seed = made.get(1);
    }

    static ConformanceReport report(List<PlatformReport> platforms) {
        return ConformanceReport.assemble(platforms, RuleCatalog.all(), TIME);
    }

    static List<String> names(List<PlatformReport> platforms) {
        return platforms.stream().map(PlatformReport::name).toList();
    }

    /** The scratch files and folders of a stream in the report folder. */
    static List<Path> scratch(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".xenacpi-"))
                    .toList();
        }
    }

    /** Every file under a folder with its content. */
    static java.util.Map<String, String> contents(Path dir) throws IOException {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), Files.readString(f));
            }
        }
        return out;
    }

    @Test
    void aSplitReportWritesEachPlatformsPageAsThePlatformIsAddedAndPutsThemInPlaceAtTheEnd(@TempDir Path dir)
            throws IOException {
        List<PlatformReport> many = new ArrayList<>();
        for (int i = 0; i <= HtmlReport.SPLIT_PLATFORMS; i++) {
            many.add(i % 2 == 0 ? qemu : seed);
        }
        ConformanceReport whole = report(many);
        Path pages = dir.resolve(HtmlReport.PLATFORM_DIR);
        try (ReportStream stream = ReportStream.open(dir, ReportWriter.FILES, dir, report(List.of()), names(many))) {
            stream.add(many.get(0));
            Path staged =
                    scratch(dir).stream().filter(Files::isDirectory).findFirst().orElseThrow();
            try (Stream<Path> written = Files.list(staged.resolve(HtmlReport.PLATFORM_DIR))) {
                assertThat(written)
                        .as("the first platform's page, before the others are added")
                        .hasSize(1);
            }
            for (PlatformReport p : many.subList(1, many.size())) {
                stream.add(p);
            }
            assertThat(pages).as("put in place when the report is complete").doesNotExist();
            assertThat(dir.resolve("index.html")).doesNotExist();
            assertThat(dir.resolve("report.json")).doesNotExist();
            assertThat(scratch(dir))
                    .as("report.json, SARIF's two runs, JUnit XML's suites, the staged pages")
                    .hasSize(5);
            assertThat(stream.finish())
                    .containsExactlyElementsOf(
                            ReportWriter.FILES.stream().map(dir::resolve).toList());
        }
        assertThat(scratch(dir)).isEmpty();
        try (Stream<Path> written = Files.list(pages)) {
            assertThat(written).hasSize(many.size());
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(dir.resolve("report.json")))
                    .as("a file put in place gets a report file's permissions, not a temporary file's")
                    .isEqualTo(Files.getPosixFilePermissions(dir.resolve("junit.xml")))
                    .isEqualTo(Files.getPosixFilePermissions(pages.resolve("seed-rfc.html")));
        }
        assertThat(Files.readString(dir.resolve("report.json")))
                .as("the bytes of the whole report serialised at once")
                .isEqualTo(ReportWriter.MAPPER.writeValueAsString(whole));
        assertThat(Files.readString(dir.resolve("index.html")))
                .isEqualTo(HtmlPages.of(whole).get("index.html"));
    }

    /**
     * The streamed report.json is the whole report serialised at once in every configuration the reports are checked
     * in (every strategy, a strategy subset, a version grid, a damaged platform), and the stream leaves no scratch.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.xenacpi.simulation.StageTwoMapTest#reports")
    void theStreamedJsonIsTheWholeReportInEveryConfiguration(
            String configuration, ConformanceReport whole, @TempDir Path dir) throws IOException {
        ReportWriter.write(whole, dir);
        assertThat(Files.readString(dir.resolve("report.json")))
                .isEqualTo(ReportWriter.MAPPER.writeValueAsString(whole));
        assertThat(Files.readString(dir.resolve("index.html")))
                .isEqualTo(HtmlPages.of(whole).get("index.html"));
        assertThat(scratch(dir)).isEmpty();
    }

    @Test
    void aRunThatFailsHalfwayLeavesThePreviousReportAsItWas(@TempDir Path dir) throws IOException {
        List<PlatformReport> many = new ArrayList<>();
        for (int i = 0; i <= HtmlReport.SPLIT_PLATFORMS; i++) {
            many.add(i % 2 == 0 ? seed : qemu);
        }
        ReportWriter.write(report(many), dir);
        java.util.Map<String, String> before = contents(dir);
        assertThat(before).containsKey(HtmlReport.PLATFORM_DIR + "/seed-rfc.html");

        try (ReportStream stream =
                ReportStream.open(dir, ReportWriter.FILES, dir, report(List.of()), names(List.of(qemu, seed)))) {
            stream.add(qemu);
            assertThat(scratch(dir))
                    .as("report.json, SARIF's two runs, JUnit XML's suites (two platforms: one page, made at the end)")
                    .hasSize(4)
                    .as("named after this process, so that a later run removes them if this one is killed")
                    .allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith(ScratchFiles.prefix()));
        }
        assertThat(scratch(dir)).as("no scratch file left").isEmpty();
        assertThat(contents(dir)).isEqualTo(before);
    }

    @Test
    void aKilledRunsScratchIsRemovedByTheNextAndARunningOnesIsLeftAlone(@TempDir Path dir) throws Exception {
        Process finished = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        finished.waitFor();
        Path killedPart = dir.resolve(".xenacpi-" + finished.pid() + "-1a2b.part");
        Files.writeString(killedPart, "{\"schema\"");
        Path killedPages = dir.resolve(".xenacpi-" + finished.pid() + "-pages-42");
        Files.createDirectories(killedPages.resolve(HtmlReport.PLATFORM_DIR));
        Files.writeString(killedPages.resolve(HtmlReport.PLATFORM_DIR).resolve("a.html"), "<html>");
        Path running = dir.resolve(ScratchFiles.prefix() + "other-job.part");
        Files.writeString(running, "{");

        ReportWriter.write(report(List.of(qemu)), dir);

        assertThat(killedPart).doesNotExist();
        assertThat(killedPages).doesNotExist();
        assertThat(running)
                .as("a run of this process (a daemon's other job) keeps its scratch")
                .exists();
    }

    @Test
    void finishingEarlyOrAddingOneTooManyIsTheCallersMistake(@TempDir Path dir) throws IOException {
        try (ReportStream stream =
                ReportStream.open(dir, ReportWriter.FILES, dir, report(List.of()), names(List.of(qemu, seed)))) {
            stream.add(qemu);
            assertThatThrownBy(stream::finish)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the report was opened for 2 platforms and 1 were added");
            stream.add(seed);
            assertThatThrownBy(() -> stream.add(qemu))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the report was opened for 2 platforms and qemu-virt would be one more");
        }
    }

    @Test
    void platformsThatShareANameApartKeepUniqueFingerprints(@TempDir Path dir) throws IOException {
        ReportWriter.write(report(List.of(qemu, seed, qemu)), dir, List.of("report.sarif"), dir);
        JsonNode sarif = new ObjectMapper().readTree(dir.resolve("report.sarif").toFile());
        Set<String> fingerprints = new HashSet<>();
        int results = 0;
        for (JsonNode run : sarif.path("runs")) {
            for (JsonNode r : run.path("results")) {
                fingerprints.add(
                        r.path("partialFingerprints").path("xenacpiFinding/v1").asText());
                results++;
            }
        }
        int qemuResults = qemu.findings().size()
                + qemu.strategies().stream().mapToInt(s -> s.outcomes().size()).sum();
        int seedResults = seed.findings().size()
                + seed.strategies().stream().mapToInt(s -> s.outcomes().size()).sum();
        assertThat(qemuResults).isPositive();
        assertThat(results).isEqualTo(2 * qemuResults + seedResults);
        assertThat(fingerprints).hasSize(results);
    }

    @Test
    void aReportOfNoPlatformIsWrittenWhole(@TempDir Path dir) throws IOException {
        ReportWriter.write(report(List.of()), dir);
        assertThat(Files.readString(dir.resolve("junit.xml")))
                .isEqualTo(XmlDocument.DECLARATION
                        + "<testsuites errors=\"0\" failures=\"0\" name=\"xen-acpi-conformance\" tests=\"0\""
                        + " time=\"0.000\"/>\n");
        assertThat(new ObjectMapper()
                        .readTree(dir.resolve("report.json").toFile())
                        .path("platforms"))
                .isEmpty();
        assertThat(new ObjectMapper()
                        .readTree(dir.resolve("report.sarif").toFile())
                        .path("runs"))
                .hasSize(2)
                .allSatisfy(run -> assertThat(run.path("results")).isEmpty());
        assertThat(scratch(dir)).isEmpty();
    }
}
