package io.github.xenacpi.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.dom0.AccessApi;
import io.github.xenacpi.dom0.BootEvent;
import io.github.xenacpi.dom0.BootStage;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.simulation.Outcome;
import io.github.xenacpi.simulation.OutcomeResult;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.simulation.Verdict;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each simulation outcome that is not fine becomes one finding of the matching Xen Dom0 rule. */
class XenDom0RulesTest {

    private static final DescribedRegion BERT = new DescribedRegion(
            RegionKind.BOOT_ERROR_REGION,
            AddressSpace.SYSTEM_MEMORY,
            0xFFFF_0000L,
            0x2000,
            "BERT",
            1,
            44,
            "BERT.bootErrorRegion");

    private static Outcome outcome(OutcomeResult result, String table, String source) {
        BootEvent e = BootEvent.builder()
                .order(1)
                .stage(BootStage.SUBSYS_INITCALL)
                .api(AccessApi.ACPI_OS_IOREMAP)
                .kernelApi("acpi_os_map_memory")
                .kind(RegionKind.BOOT_ERROR_REGION)
                .base(0xFFFF_0000L)
                .length(0x2000)
                .function("bert_init")
                .feature("boot error records")
                .table(table)
                .source(source)
                .build();
        return new Outcome(e, result, "because");
    }

    private static SimulationResult simulation(Outcome... outcomes) {
        return SimulationResult.builder()
                .strategy("bus-notify")
                .xen(XenVersion.V4_8)
                .linux(LinuxVersion.V6_6)
                .smmu(SmmuMode.SHARED)
                .outcomes(List.of(outcomes))
                .verdict(Verdict.FAIL)
                .build();
    }

    @Test
    void fineOutcomesFindNothing() {
        SimulationResult fine = simulation(Arrays.stream(new OutcomeResult[] {
                    OutcomeResult.MAPPED_AHEAD,
                    OutcomeResult.STAGE1_ONLY,
                    OutcomeResult.MAPPED_ON_FAULT,
                    OutcomeResult.EMULATED
                })
                .map(r -> outcome(r, "BERT", "BERT BERT.bootErrorRegion"))
                .toArray(Outcome[]::new));

        assertThat(XenDom0Rules.findings(fine, List.of(BERT))).isEmpty();
    }

    @Test
    void eachBadOutcomeIsAFindingOfItsRuleAtTheDescribingField() {
        List<Finding> findings = XenDom0Rules.findings(
                simulation(
                        outcome(OutcomeResult.DOM0_ABORT, "BERT", "BERT BERT.bootErrorRegion"),
                        outcome(OutcomeResult.DMA_FAULT, "BERT", "BERT BERT.bootErrorRegion"),
                        outcome(OutcomeResult.DENIED, "BERT", "BERT BERT.bootErrorRegion"),
                        outcome(OutcomeResult.FEATURE_LOST, "BERT", "BERT BERT.bootErrorRegion")),
                List.of(BERT));

        assertThat(findings)
                .extracting(Finding::ruleId)
                .containsExactly(
                        XenDom0Rules.ACCESS_ABORTS.id(),
                        XenDom0Rules.DMA_FAULT.id(),
                        XenDom0Rules.MAP_DENIED.id(),
                        XenDom0Rules.FEATURE_LOST.id());
        assertThat(findings)
                .extracting(Finding::severity)
                .containsExactly(Severity.ERROR, Severity.ERROR, Severity.WARNING, Severity.WARNING);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.table()).isEqualTo("BERT");
            assertThat(f.instance()).isEqualTo(1);
            assertThat(f.offset()).isEqualTo(44);
            assertThat(f.path()).isEqualTo("BERT.bootErrorRegion");
            assertThat(f.message())
                    .contains(
                            "BOOT_ERROR_REGION 0xFFFF0000+0x2000",
                            "acpi_os_map_memory",
                            "in bert_init",
                            "for boot error records",
                            "strategy bus-notify",
                            "Xen 4.8",
                            "Linux 6.6",
                            "SMMU shared");
        });
        assertThat(XenDom0Rules.ruleFor(OutcomeResult.MAPPED_AHEAD)).isEmpty();
    }

    @Test
    void anEventWithoutADescribedRegionHasNoOffset() {
        List<Finding> findings =
                XenDom0Rules.findings(simulation(outcome(OutcomeResult.DMA_FAULT, "", "")), List.of(BERT));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.instance()).isZero();
            assertThat(f.offset()).isEqualTo(-1);
            assertThat(f.message()).contains("(no source)");
        });
    }

    @Test
    void onARealPlatformTheFailingStrategyAbortsAndTheRecommendedOneIsClean() {
        Platform qemu = new Platform("qemu", AcpiTables.load(Preset.QEMU_VIRT.image()), PlatformDescriptor.SEED_ERA);
        SimulationInput in = SimulationInput.of(qemu);

        List<Finding> busNotify =
                XenDom0Rules.findings(Simulation.run(in, MappingStrategy.byId("bus-notify")), qemu.regions());
        List<Finding> stage2 =
                XenDom0Rules.findings(Simulation.run(in, MappingStrategy.byId("stage2-fault")), qemu.regions());

        assertThat(busNotify).isNotEmpty().extracting(Finding::ruleId).contains(XenDom0Rules.ACCESS_ABORTS.id());
        Finding ecam = busNotify.stream()
                .filter(f -> f.path().equals("MCFG.allocation[0]"))
                .findFirst()
                .orElseThrow();
        DescribedRegion region = qemu.regions().stream()
                .filter(r -> r.path().equals("MCFG.allocation[0]"))
                .findFirst()
                .orElseThrow();
        assertThat(ecam.table()).isEqualTo("MCFG");
        assertThat(ecam.offset()).isEqualTo(region.offset());
        assertThat(stage2).isEmpty();
    }
}
