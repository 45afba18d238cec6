package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.table.FadtTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.conformance.Rule;
import io.github.xenacpi.conformance.RuleCatalog;
import io.github.xenacpi.inspect.InspectJson;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The same input gives byte-identical JSON documents, whatever the number of threads computing them; collections
 * that reach the documents iterate in a fixed order (not in that of {@code Set.copyOf}, which changes from one JVM
 * run to the next).
 */
class DeterminismTest {

    private static String document(Preset preset) {
        Platform platform = new Platform(preset.id(), AcpiTables.load(preset.image()), PlatformDescriptor.DEFAULT);
        SimulationInput input = SimulationInput.of(platform);
        List<SimulationResult> results = MappingStrategy.all().stream()
                .map(s -> Simulation.run(input, s))
                .toList();
        return InspectJson.text(platform, results);
    }

    @Test
    void documentsAreIdenticalOnOneThreadAndOnFour() throws Exception {
        List<Preset> presets = List.of(Preset.values());
        List<String> sequential = new ArrayList<>();
        for (Preset p : presets) {
            sequential.add(document(p));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<String>> parallel = new ArrayList<>();
                for (Preset p : presets) {
                    parallel.add(pool.submit(() -> document(p)));
                }
                for (int i = 0; i < parallel.size(); i++) {
                    assertThat(parallel.get(i).get())
                            .as("%s, round %d", presets.get(i).id(), round)
                            .isEqualTo(sequential.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ruleProfilesIterateInDeclarationOrder() {
        for (Rule r : RuleCatalog.all()) {
            assertThat(List.copyOf(r.profiles())).as(r.id()).isSortedAccordingTo(Comparator.naturalOrder());
        }
    }

    @Test
    void fadtRegisterBlocksIterateInDeclarationOrder() {
        for (Preset p : Preset.values()) {
            for (LoadedTable t : AcpiTables.load(p.image()).all()) {
                if (t.table() instanceof FadtTable f && !f.blocks().isEmpty()) {
                    assertThat(f.blocks().keySet())
                            .as(p.id())
                            .containsExactlyElementsOf(Arrays.stream(FadtTable.Block.values())
                                    .filter(f.blocks()::containsKey)
                                    .toList());
                }
            }
        }
    }
}
