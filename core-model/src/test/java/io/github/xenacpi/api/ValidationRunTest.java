package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ReportOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationRunTest {

    @TempDir
    Path temp;

    private final List<String> info = new ArrayList<>();
    private final List<String> warn = new ArrayList<>();

    private final RunLog log = new RunLog() {
        @Override
        public void info(String line) {
            info.add(line);
        }

        @Override
        public void warn(String line) {
            warn.add(line);
        }

        @Override
        public void error(String line) {
            warn.add(line);
        }

        @Override
        public void debug(String line) {}
    };

    @Test
    void logsALinePerPlatformTheMatrixAndLastWhereTheReportIs() throws Exception {
        ValidationSettings settings = ValidationSettings.builder()
                .platforms(List.of(new PlatformSource.PresetSource(Preset.QEMU_VIRT)))
                .strategies(Validation.strategies(List.of("bus-notify", "stage2-fault")))
                .overrides(Overrides.parse("4.8", "4.10", ""))
                .formats(EnumSet.of(ReportFormat.HTML, ReportFormat.JSON))
                .reportDirectory(temp.resolve("out"))
                .threads(2)
                .build();

        ValidationRun.Outcome outcome = ValidationRun.execute(settings, Instant.now(), log);

        assertThat(info.get(0)).startsWith("xenacpi: qemu-virt: 11 tables, ");
        assertThat(info.get(1))
                .isEqualTo("xenacpi: qemu-virt: simulated with Xen 4.8 (property), Linux 4.10"
                        + " (property), SMMU none (default)");
        assertThat(info.get(2)).contains("strategies: 1 pass, 0 degraded, 1 fail of 2; recommended: stage2-fault");
        assertThat(info).anySatisfy(l -> assertThat(l).matches("  platform +bus-notify +stage2-fault"));
        assertThat(info).anySatisfy(l -> assertThat(l).matches("  qemu-virt +FAIL +PASS"));
        Path html = temp.resolve("out/index.html").toAbsolutePath();
        assertThat(info.get(info.size() - 1)).isEqualTo("xenacpi: report of 1 platform at " + html);
        assertThat(outcome.location()).isEqualTo(html);
        assertThat(Files.exists(temp.resolve("out/report.json"))).isTrue();
        assertThat(Files.exists(temp.resolve("out/report.sarif"))).isFalse();
        assertThat(warn).isEmpty();
    }

    @Test
    void theTraceIsInReportJsonOnlyWhenAskedFor() throws Exception {
        for (ReportOptions options : List.of(ReportOptions.DEFAULT, ReportOptions.TRACE)) {
            Path out = temp.resolve(options.trace() ? "traced" : "plain");
            ValidationRun.execute(
                    ValidationSettings.builder()
                            .platforms(List.of(new PlatformSource.PresetSource(Preset.QEMU_VIRT)))
                            .strategies(Validation.strategies(List.of("stage2-fault")))
                            .formats(EnumSet.of(ReportFormat.JSON))
                            .reportDirectory(out)
                            .report(options)
                            .sourceRoot(temp)
                            .build(),
                    Instant.now(),
                    log);

            boolean traced = new ObjectMapper()
                    .readTree(out.resolve("report.json").toFile())
                    .path("platforms")
                    .path(0)
                    .has("trace");
            assertThat(traced).as("trace with %s", options).isEqualTo(options.trace());
        }
    }

    @Test
    void withoutHtmlTheLastLineNamesTheFolder() throws Exception {
        ValidationSettings settings = ValidationSettings.builder()
                .platforms(List.of(new PlatformSource.PresetSource(Preset.QEMU_VIRT)))
                .strategies(Validation.strategies(List.of("stage2-fault")))
                .formats(EnumSet.of(ReportFormat.SARIF))
                .reportDirectory(temp)
                .build();

        ValidationRun.execute(settings, Instant.now(), log);

        assertThat(info.get(info.size() - 1)).endsWith(" at " + temp.toAbsolutePath());
    }

    @Test
    void aPresetIsWrittenAsAcpidumpTextForTestsThatReadAPath() throws Exception {
        Path file = new PlatformSource.PresetSource(Preset.SERVER_RAS).firmwarePath(temp);

        assertThat(new PlatformSource.PathSource(file)
                        .load(Overrides.NONE)
                        .tables()
                        .all())
                .hasSize(new PlatformSource.PresetSource(Preset.SERVER_RAS)
                        .load(Overrides.NONE)
                        .tables()
                        .all()
                        .size());
    }

    @Test
    void aPresetsDescriptorGoesBesideItsTables() throws Exception {
        Path file = new PlatformSource.PresetSource(Preset.SEED_RFC).firmwarePath(temp);

        assertThat(new PlatformSource.PathSource(file).load(Overrides.NONE).descriptor())
                .isEqualTo(Preset.SEED_RFC.descriptor());
    }
}
