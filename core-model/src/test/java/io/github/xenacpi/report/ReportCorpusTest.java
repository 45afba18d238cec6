package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One report over every corpus platform renders in every format. */
@Tag("corpus")
class ReportCorpusTest {

    @Test
    void everyCorpusPlatformRendersInOneReport(@TempDir Path dir) throws Exception {
        var root = Corpus.root();
        assumeTrue(root.isPresent(), "no corpus at " + Corpus.configured());
        List<Platform> platforms = new ArrayList<>();
        for (Path machine : Corpus.machines(root.get())) {
            platforms.add(Platform.load(machine));
        }

        List<Path> files = ReportWriter.write(ConformanceReport.of(platforms, Instant.now()), dir);

        String html = Files.readString(dir.resolve("index.html"));
        assertThat(files)
                .hasSize(ReportWriter.FILES.size())
                .allMatch(f -> f.toFile().length() > 0);
        List<Path> pages;
        try (var list = Files.list(dir.resolve(HtmlReport.PLATFORM_DIR))) {
            pages = list.sorted().toList();
        }
        assertThat(pages).as("one page per platform").hasSize(platforms.size());
        assertThat(html.split("<svg", -1)).as("the index keeps only the matrix").hasSize(1);
        long pageBytes = 0;
        long largest = 0;
        for (Path page : pages) {
            assertThat(Files.readString(page).split("<svg class=\"map\"", -1)).hasSize(2);
            pageBytes += Files.size(page);
            largest = Math.max(largest, Files.size(page));
        }
        System.out.printf(
                "report: %d platforms, index.html %d bytes, %d platform pages %d bytes (largest %d),"
                        + " report.json %d bytes, report.sarif %d bytes%n",
                platforms.size(),
                Files.size(dir.resolve("index.html")),
                pages.size(),
                pageBytes,
                largest,
                Files.size(dir.resolve("report.json")),
                Files.size(dir.resolve("report.sarif")));
    }
}
