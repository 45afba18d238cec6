package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.strategy.MappingStrategy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** failOn acts on firmware findings only; xenacpi.requireStrategy decides what strategy outcome fails a build. */
class GateTest {

    private static List<MappingStrategy> strategies;
    private static ConformanceReport report;

    @BeforeAll
    static void validate() throws Exception {
        // Seed-era Xen 4.8: the status quo (bus-notify) aborts Dom0 on qemu-virt's ECAM, stage2-fault boots it.
        strategies = Validation.strategies(List.of("bus-notify", "stage2-fault"));
        report = Validation.report(
                new Validation(strategies, Overrides.parse("4.8", "4.10", null), 1)
                        .run(List.of(PlatformSource.of(Preset.QEMU_VIRT))),
                List.of(),
                Map.of(),
                Instant.EPOCH);
    }

    @Test
    void strategyOutcomesAreNoFirmwareFindings() {
        // The aborts are bus-notify's outcome, kept apart from the firmware findings.
        assertThat(report.platforms().get(0).findings())
                .allSatisfy(f -> assertThat(f.strategy()).isEmpty());
        assertThat(report.platforms()
                        .get(0)
                        .strategy("bus-notify")
                        .orElseThrow()
                        .verdict())
                .isEqualTo("FAIL");

        assertThat(new Threshold(Severity.INFO).hits(report))
                .isNotEmpty()
                .allSatisfy(h -> assertThat(h.finding().strategy()).isEmpty());
        Gate.Decision decision = new Gate(new Threshold(Severity.ERROR), StrategyRequirement.ANY).decide(report);
        // Only the firmware's own defects (SBBR's missing tables) count; bus-notify's aborts do not.
        assertThat(decision.firmware())
                .hasSizeLessThan(5)
                .allSatisfy(h -> assertThat(h.finding().strategy()).isEmpty());
        assertThat(decision.strategy()).isEmpty();
    }

    @Test
    void aNamedStrategyThatDoesNotBootDom0FailsTheBuildNamingIt() throws Exception {
        Gate.Decision decision = new Gate(
                        new Threshold(Severity.ERROR), StrategyRequirement.parse("bus-notify", strategies))
                .decide(report);

        assertThat(decision.fails()).isTrue();
        assertThat(decision.strategy())
                .singleElement()
                .asString()
                .contains("qemu-virt")
                .contains("bus-notify");
        assertThat(decision.failureMessage("R"))
                .contains("xenacpi.requireStrategy")
                .contains("bus-notify");
        assertThat(new Gate(new Threshold(Severity.ERROR), StrategyRequirement.parse("stage2-fault", strategies))
                        .decide(report)
                        .strategy())
                .isEmpty();
    }

    @Test
    void anyFailsOnlyWhenNoStrategyBootsDom0AndNoneNeverFails() throws Exception {
        List<MappingStrategy> busNotify = Validation.strategies(List.of("bus-notify"));
        ConformanceReport onlyFailing = Validation.report(
                new Validation(busNotify, Overrides.parse("4.8", "4.10", null), 1)
                        .run(List.of(PlatformSource.of(Preset.QEMU_VIRT))),
                List.of(),
                Map.of(),
                Instant.EPOCH);

        assertThat(new Gate(new Threshold(Severity.ERROR), StrategyRequirement.ANY)
                        .decide(onlyFailing)
                        .strategy())
                .singleElement()
                .asString()
                .contains("no simulated strategy boots Dom0");
        assertThat(new Gate(new Threshold(Severity.ERROR), StrategyRequirement.NONE)
                        .decide(onlyFailing)
                        .strategy())
                .isEmpty();
    }

    @Test
    void anUnknownOrUnsimulatedStrategyIsAConfigurationErrorNamingTheProperty() {
        assertThatThrownBy(() -> StrategyRequirement.parse("teleport", strategies))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("xenacpi.requireStrategy")
                .hasMessageContaining("teleport");
        assertThatThrownBy(() -> StrategyRequirement.parse("xen-premap", strategies))
                .hasMessageContaining("xenacpi.strategies");
    }

    @Test
    void aDamagedPlatformMeetsNoRequirementButNone() throws Exception {
        ConformanceReport hostile = Validation.report(
                new Validation(strategies, Overrides.NONE, 1).run(List.of(PlatformSource.of(Preset.HOSTILE))),
                List.of(),
                Map.of(),
                Instant.EPOCH);
        assertThat(hostile.platforms().get(0).complete()).isFalse();

        assertThat(new Gate(new Threshold(Severity.ERROR), StrategyRequirement.ANY)
                        .decide(hostile)
                        .strategy())
                .singleElement()
                .asString()
                .contains("no verdict, the input is damaged");
        assertThat(new Gate(new Threshold(Severity.ERROR), StrategyRequirement.NONE)
                        .decide(hostile)
                        .strategy())
                .isEmpty();
    }
}
