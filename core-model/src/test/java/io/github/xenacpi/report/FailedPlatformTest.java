package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.conformance.RuleCatalog;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.strategy.MappingStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A platform on which the model fails keeps its place in the report, with no verdict, beside intact ones. */
class FailedPlatformTest {

    @TempDir
    Path dir;

    @Test
    void theFailureIsTheFirstLossAndNoVerdictStands() throws Exception {
        Platform broken = Preset.QEMU_VIRT.platform();
        Platform intact = Preset.SERVER_RAS.platform();
        PlatformReport failed = PlatformReport.failed(broken, "internal error of the model on this platform (boom)");
        PlatformReport ok =
                PlatformReport.of(intact, Simulation.runAll(SimulationInput.of(intact), MappingStrategy.all()));

        assertThat(failed.complete()).isFalse();
        assertThat(failed.input().losses().get(0).reason()).contains("boom");
        assertThat(failed.summary().status()).isEqualTo(ConformanceReport.Summary.INCOMPLETE);
        assertThat(failed.summary().recommended()).isNull();
        assertThat(failed.strategies()).isEmpty();

        ConformanceReport report = ConformanceReport.assemble(List.of(failed, ok), RuleCatalog.all(), Instant.EPOCH);
        ReportWriter.write(report, dir);
        assertThat(Files.readString(dir.resolve("report.json")))
                .contains("boom")
                .contains(intact.name());
        assertThat(ConsoleSummary.lines(report))
                .anySatisfy(l -> assertThat(l).contains(broken.name()).contains("boom"));
        assertThat(ok.summary().status()).isNotEqualTo(ConformanceReport.Summary.INCOMPLETE);
    }
}
