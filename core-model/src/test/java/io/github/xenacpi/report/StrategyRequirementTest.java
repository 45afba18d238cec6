package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.acpi.table.AcpiTables;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.preset.Preset;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strategy outcome a build requires, judged apart from the firmware findings (issue 13 point 3). */
class StrategyRequirementTest {

    static final ConformanceReport REPORT = ConformanceReport.of(List.of(new Platform("qemu",
            AcpiTables.load(Preset.QEMU_VIRT.image()), PlatformDescriptor.SEED_ERA), Preset.HOSTILE.platform()),
            Instant.EPOCH);

    @Test
    void noneNeverFailsAnyNeedsAPassingStrategyANamedOneNeedsThatOne() {
        assertThat(StrategyRequirement.parse("none").violations(REPORT)).isEmpty();
        assertThat(StrategyRequirement.parse(" ANY ").violations(REPORT)).singleElement().asString()
                .startsWith("hostile: no verdict, the input is damaged");
        List<String> busNotify = StrategyRequirement.parse("bus-notify").violations(REPORT);
        assertThat(busNotify).hasSize(2);
        assertThat(busNotify.get(0)).startsWith("qemu: bus-notify is FAIL: Dom0 crashes when ")
                .contains("pci_scan_slot touches ECAM");
        assertThat(StrategyRequirement.parse("stage2-fault").violations(REPORT)).singleElement().asString()
                .startsWith("hostile:");
    }

    @Test
    void anUnknownValueNamesWhatIsAccepted() {
        assertThatThrownBy(() -> StrategyRequirement.parse("stage-2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none, any or a strategy id").hasMessageContaining("stage2-fault")
                .hasMessageContaining("\"stage-2\"");
    }
}
