package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.preset.Preset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report files are the same bytes whether the formats are written together (concurrently) or one format per
 * call; and the paths come back in {@link ReportWriter#FILES}' order.
 */
class ConcurrentWriteTest {

    @Test
    void formatsWrittenTogetherAreTheFilesWrittenOneByOne(@TempDir Path together, @TempDir Path alone)
            throws Exception {
        List<Platform> platforms = new ArrayList<>();
        for (Preset p : Preset.values()) {
            platforms.add(p.platform());
        }
        ConformanceReport report = ConformanceReport.of(platforms, Instant.parse("2026-01-02T03:04:05Z"));

        List<Path> written = ReportWriter.write(report, together);
        for (String name : ReportWriter.FILES) {
            ReportWriter.write(report, alone, List.of(name));
        }

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(ReportWriter.FILES);
        List<Path> files;
        try (Stream<Path> s = Files.walk(alone)) {
            files = s.filter(Files::isRegularFile).map(alone::relativize).sorted().toList();
        }
        try (Stream<Path> s = Files.walk(together)) {
            assertThat(s.filter(Files::isRegularFile).map(together::relativize).sorted().toList())
                    .isEqualTo(files);
        }
        for (Path f : files) {
            assertThat(Files.readString(together.resolve(f))).as(f.toString())
                    .isEqualTo(Files.readString(alone.resolve(f)));
        }
    }
}
