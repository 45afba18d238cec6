package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size of each corpus platform's reports (issue 16): report.json stays within {@link #LIMIT} by default,
 * stating each conclusion once; the per-access trace is what {@link ReportOptions#trace()} adds. Prints the
 * sizes of every format per platform and the totals, and writes them to {@code target/report-sizes.txt}.
 */
@Tag("corpus")
class ReportSizeTest {

    /** The most a platform's default report.json may weigh. */
    static final long LIMIT = 256 * 1024;

    @Test
    void everyCorpusPlatformsReportJsonStaysWithin256KiB(@TempDir Path dir) throws Exception {
        var root = Corpus.root();
        assumeTrue(root.isPresent(), "no corpus at " + Corpus.configured());
        Map<String, Long> json = new LinkedHashMap<>();
        StringBuilder lines = new StringBuilder();
        long[] totals = new long[4];
        for (Path machine : Corpus.machines(root.get())) {
            Platform p = Platform.load(machine);
            Path out = dir.resolve(Corpus.name(root.get(), machine).replace('/', '_'));
            List<Path> files = ReportWriter.write(ConformanceReport.of(List.of(p), Instant.EPOCH), out);
            for (int i = 0; i < files.size(); i++) {
                totals[i] += Files.size(files.get(i));
            }
            json.put(p.name(), Files.size(out.resolve("report.json")));
            lines.append(String.format(
                    "report size %-40s report.json %5d KiB, index.html %5d KiB, report.sarif"
                            + " %5d KiB, junit.xml %4d KiB%n",
                    p.name(),
                    Files.size(files.get(0)) / 1024,
                    Files.size(files.get(1)) / 1024,
                    Files.size(files.get(2)) / 1024,
                    Files.size(files.get(3)) / 1024));
        }
        lines.append(String.format(
                "report size total: report.json %d KiB (largest %d KiB), index.html %d KiB,"
                        + " report.sarif %d KiB, junit.xml %d KiB%n",
                totals[0] / 1024,
                json.values().stream().mapToLong(Long::longValue).max().orElse(0) / 1024,
                totals[1] / 1024,
                totals[2] / 1024,
                totals[3] / 1024));
        System.out.print(lines);
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("report-sizes.txt"), lines);
        assertThat(json).allSatisfy((name, size) -> assertThat(size).as(name).isLessThanOrEqualTo(LIMIT));
    }
}
