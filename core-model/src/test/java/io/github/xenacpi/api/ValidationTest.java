package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.conformance.Profile;
import io.github.xenacpi.conformance.Rule;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.strategy.MappingStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationTest {

    private static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");

    private final List<PlatformSource> presets =
            List.of(new PlatformSource.PresetSource(Preset.QEMU_VIRT), new PlatformSource.PresetSource(Preset.HOSTILE));

    @Test
    void noStrategyNamedIsEveryStrategyAndNamedOnesKeepReportOrder() throws Exception {
        assertThat(Validation.strategies(List.of())).hasSameSizeAs(MappingStrategy.all());
        assertThat(Validation.strategies(List.of("stage2-fault,bus-notify")))
                .extracting(MappingStrategy::id)
                .containsExactly("bus-notify", "stage2-fault");
    }

    @Test
    void anUnknownStrategyIsAConfigurationError() {
        assertThatThrownBy(() -> Validation.strategies(List.of("teleport")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("xenacpi.strategies")
                .hasMessageContaining("teleport");
    }

    @Test
    void platformsComeBackInTheirOrderWhateverTheThreads() throws Exception {
        List<MappingStrategy> strategies = Validation.strategies(List.of("stage2-fault", "bus-notify"));

        List<PlatformReport> parallel = new Validation(strategies, Overrides.NONE, 4).run(presets);
        List<PlatformReport> serial = new Validation(strategies, Overrides.NONE, 1).run(presets);

        assertThat(parallel).extracting(PlatformReport::name).containsExactly("qemu-virt", "hostile");
        assertThat(parallel)
                .extracting(PlatformReport::findings)
                .isEqualTo(serial.stream().map(PlatformReport::findings).toList());
        assertThat(parallel.get(0).results())
                .extracting(SimulationResult::strategy)
                .containsExactly("bus-notify", "stage2-fault");
    }

    @Test
    void eachReportIsHandedOverInTheirOrderAndAFailureThereEndsTheRun() throws Exception {
        List<PlatformSource> many = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            many.addAll(presets);
        }
        Validation validation = new Validation(Validation.strategies(List.of("stage2-fault")), Overrides.NONE, 2);
        List<String> handed = new ArrayList<>();
        validation.run(many, (source, report) -> {
            assertThat(report.name()).isEqualTo(source.name());
            handed.add(report.name());
        });
        assertThat(handed).isEqualTo(many.stream().map(PlatformSource::name).toList());

        List<String> before = new ArrayList<>();
        assertThatThrownBy(() -> validation.run(many, (source, report) -> {
                    if (before.size() == 2) {
                        throw new ValidationException("cannot write the report");
                    }
                    before.add(report.name());
                }))
                .isInstanceOf(ValidationException.class)
                .hasMessage("cannot write the report");
        assertThat(before).hasSize(2);
    }

    @Test
    void overridesReplaceTheDescriptorsVersions() throws Exception {
        Overrides overrides = Overrides.parse("4.17", "6.6", "shared");

        PlatformReport report = new Validation(Validation.strategies(List.of("stage2-fault")), overrides, 1)
                .run(presets.subList(0, 1))
                .get(0);

        assertThat(report.platform().descriptor().xen()).isEqualTo(XenVersion.V4_17);
        assertThat(report.results().get(0).xen()).isEqualTo(XenVersion.V4_17);
        assertThat(report.results().get(0).smmu().id()).isEqualTo("shared");
    }

    @Test
    void unusableOverridesSayWhichParameter() {
        assertThatThrownBy(() -> Overrides.parse("four", null, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("xenacpi.xenVersion");
    }

    @Test
    void aFrontEndsFindingsJoinTheirPlatformUnderTheirRule() throws Exception {
        List<PlatformReport> platforms = new Validation(
                        Validation.strategies(List.of("stage2-fault")), Overrides.NONE, 1)
                .run(presets.subList(0, 1));
        Rule rule = new Rule("PROJECT.CHECK", Severity.ERROR, "t", "d", "p", "", java.util.Set.of(Profile.XEN_DOM0));
        ReportFinding finding =
                new ReportFinding(rule.id(), Severity.ERROR, "", 0, 0, "wrong board", "example.BoardTest", "");

        ConformanceReport report =
                Validation.report(platforms, List.of(rule), Map.of("qemu-virt", List.of(finding)), TIME);

        assertThat(report.rules()).contains(rule);
        assertThat(report.generated()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(report.platforms().get(0).findings()).contains(finding);
        assertThat(Validation.report(platforms, List.of(), Map.of(), TIME).rules())
                .doesNotContain(rule);
    }

    @Test
    void unreadableFirmwareNamesThePath() {
        PlatformSource missing = new PlatformSource.PathSource(java.nio.file.Path.of("no-such-board"));

        assertThatThrownBy(() ->
                        new Validation(MappingStrategy.all(), Overrides.NONE, 2).run(List.of(missing, presets.get(0))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("no-such-board");
    }
}
