package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.dom0.BootStage;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.HtmlReport.Chip;
import io.github.xenacpi.report.HtmlReport.EventRow;
import io.github.xenacpi.report.HtmlReport.Lane;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The boot timeline of qemu-virt folds its events without losing one and keeps the stages in boot order. */
class BootTimelineTest {

    @Test
    void foldsEveryEventOnceInStageOrder() {
        Platform p = new Platform("qemu-virt", AcpiTables.load(Preset.QEMU_VIRT.image()), PlatformDescriptor.SEED_ERA);
        SimulationInput input = SimulationInput.of(p);
        List<SimulationResult> sims = MappingStrategy.all().stream()
                .map(s -> Simulation.run(input, s))
                .toList();
        int events = sims.get(0).outcomes().size();

        BootTimeline t = BootTimeline.of(sims);

        assertThat(t.lanes().stream()
                        .flatMap(l -> l.chips().stream())
                        .mapToInt(Chip::count)
                        .sum())
                .isEqualTo(events);
        assertThat(t.rows().stream().mapToInt(EventRow::count).sum()).isEqualTo(events);
        assertThat(t.lanes().stream().flatMap(l -> l.chips().stream()).count())
                .isLessThan(t.rows().size());
        List<String> order =
                Arrays.stream(BootStage.values()).map(BootTimeline::stageName).toList();
        assertThat(t.lanes().stream().map(Lane::stage).toList())
                .isSortedAccordingTo((a, b) -> order.indexOf(a) - order.indexOf(b));
        assertThat(t.lanes())
                .allSatisfy(l -> assertThat(l.chips())
                        .allSatisfy(c -> assertThat(c.results().split(" ", -1))
                                .hasSize(MappingStrategy.all().size())));
        Chip ecam = t.lanes().stream()
                .flatMap(l -> l.chips().stream())
                .filter(c -> c.label().equals("ECAM \u00b7 pci_scan_slot"))
                .findFirst()
                .orElseThrow();
        String busNotify = ecam.results().split(" ", -1)[0];
        assertThat(busNotify)
                .as("the worst of the folded accesses under bus-notify")
                .isEqualTo("dom0-abort");
    }
}
