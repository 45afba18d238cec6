package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.strategy.MappingStrategy;
import io.github.xenacpi.testing.Corpus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every corpus platform gives a byte-identical report.json (its {@code generated} time fixed) whether the platforms
 * are analysed one after another or four at a time, and no AML evaluation of the corpus is ended by the wall-clock
 * guard, the one limit that depends on the machine rather than on the input.
 */
@Tag("corpus")
class CorpusDeterminismTest {

    private static final Instant GENERATED = Instant.parse("2026-01-01T00:00:00Z");

    private static String reportJson(Path machine) throws Exception {
        Platform platform = Platform.load(machine);
        SimulationInput input = SimulationInput.of(platform);
        List<SimulationResult> results = MappingStrategy.all().stream()
                .map(s -> Simulation.run(input, s))
                .toList();
        assertThat(platform.diagnostics())
                .as(machine.toString())
                .map(Diagnostic::message)
                .noneMatch(m -> m.contains("wall-clock budget exceeded"));
        return ReportWriter.MAPPER.writeValueAsString(ConformanceReport.of(platform, results, GENERATED));
    }

    @Test
    void everyCorpusReportIsIdenticalOnOneThreadAndOnFour() throws Exception {
        var root = Corpus.root();
        assumeTrue(root.isPresent(), "no corpus at " + Corpus.configured());
        List<Path> machines = Corpus.machines(root.get());
        List<String> sequential = new ArrayList<>();
        for (Path m : machines) {
            sequential.add(reportJson(m));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> parallel = new ArrayList<>();
            for (Path m : machines) {
                parallel.add(pool.submit(() -> reportJson(m)));
            }
            for (int i = 0; i < machines.size(); i++) {
                assertThat(parallel.get(i).get())
                        .as(Corpus.name(root.get(), machines.get(i)))
                        .isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "determinism: %d corpus platforms, report.json identical on 1 and 4 threads%n", machines.size());
    }
}
