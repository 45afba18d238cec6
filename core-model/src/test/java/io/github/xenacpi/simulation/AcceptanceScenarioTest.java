package io.github.xenacpi.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.dom0.AccessApi;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance scenario of the model issue on the {@code seed-rfc} preset: a DSDT device with a memory
 * {@code _CRS}, an MCFG ECAM window, a BERT region, a SystemMemory OperationRegion read by boot-time AML, two tables
 * newer than the Xen 4.8 profile that Linux 6.6 maps (an APMT and a CEDT with a CXL 1.1 host bridge), and a DMA
 * engine that writes the OperationRegion's page before the CPU first reads it. Xen 4.8, Linux 6.6, an SMMU sharing
 * Dom0's stage-2 tables unless a test says otherwise. Each expectation names what it rests on in the site's model
 * page (src-site/markdown/dom0-model.md).
 *
 * <p>The newer tables split as the RFC warned (dom0-model.md, "The acceptance scenario"): the APMT's CoreSight PMU
 * page reaches Linux as a platform device ({@code apmt_add_platform_device}), so Linux's bus notifier, which keeps
 * running under every strategy, maps it whatever Xen knows; the CEDT's CXL 1.1 RCRB is mapped by {@code cxl_acpi}
 * itself ({@code cxl_rcrb_to_component}: {@code ioremap} and {@code readl}), no platform device carries it, and a
 * Xen 4.8 that pre-maps only the tables it knows leaves it out: {@code xen-premap} aborts on the newer table's
 * region.
 */
class AcceptanceScenarioTest {

    private static Platform platform;

    @BeforeAll
    static void load() {
        platform = Preset.SEED_RFC.platform();
    }

    private static SimulationResult run(String strategy) {
        return run(strategy, SmmuMode.SHARED);
    }

    private static SimulationResult run(String strategy, SmmuMode smmu) {
        PlatformDescriptor d = platform.descriptor();
        return Simulation.run(
                SimulationInput.of(platform).with(d.xen(), d.linux(), smmu), MappingStrategy.byId(strategy));
    }

    /** The kinds of region whose CPU accesses abort Dom0. */
    private static Set<RegionKind> aborts(SimulationResult r) {
        return r.withResult(OutcomeResult.DOM0_ABORT).stream()
                .map(o -> o.event().kind())
                .collect(Collectors.toSet());
    }

    /** The results of the CPU's accesses to regions of a kind. */
    private static Set<OutcomeResult> touches(SimulationResult r, RegionKind kind) {
        return r.outcomes().stream()
                .filter(o -> o.event().kind() == kind && o.event().api() == AccessApi.CPU_TOUCH)
                .map(Outcome::result)
                .collect(Collectors.toSet());
    }

    private static Set<OutcomeResult> dma(SimulationResult r) {
        return r.outcomes().stream()
                .filter(o -> o.event().api() == AccessApi.DMA)
                .map(Outcome::result)
                .collect(Collectors.toSet());
    }

    @Test
    void thePlatformHasEveryIngredientOfTheScenario() {
        assertThat(platform.descriptor().xen()).hasToString("4.8");
        assertThat(platform.descriptor().linux()).hasToString("6.6");
        assertThat(platform.regions())
                .extracting(r -> r.kind())
                .contains(
                        RegionKind.DEVICE_RESOURCE,
                        RegionKind.ECAM,
                        RegionKind.BOOT_ERROR_REGION,
                        RegionKind.OPERATION_REGION,
                        RegionKind.APMT_PAGE,
                        RegionKind.CXL_HOST_BRIDGE);
        assertThat(platform.survey().enumeratedDevices())
                .extracting(d -> d.hid())
                .contains("ACPI0016", "ACPI0017");
        assertThat(platform.survey().bootAccesses())
                .extracting(a -> a.address())
                .contains(Preset.DSDT_OPREGION);
        assertThat(platform.descriptor().dma())
                .singleElement()
                .satisfies(d -> assertThat(d.beforeCpu()).isTrue())
                .satisfies(d -> assertThat(d.address()).isEqualTo(Preset.DSDT_OPREGION));
    }

    @Test
    void theDmaHappensRightBeforeTheCpuFirstTouchesItsPage() {
        List<Outcome> outcomes = run("bus-notify").outcomes();
        int dma = indexOf(outcomes, AccessApi.DMA);
        Outcome next = outcomes.get(dma + 1);
        assertThat(next.event().api()).isEqualTo(AccessApi.CPU_TOUCH);
        assertThat(next.event().base()).isEqualTo(Preset.DSDT_OPREGION);
        // acpi_os_map_memory runs before the access it serves, so it precedes the DMA too.
        assertThat(outcomes.get(dma - 1).event().api()).isEqualTo(AccessApi.ACPI_OS_IOREMAP);
    }

    private static int indexOf(List<Outcome> outcomes, AccessApi api) {
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).event().api() == api) {
                return i;
            }
        }
        throw new AssertionError("no " + api + " event");
    }

    @Test
    void busNotifyAbortsOnEcamBertTheOperationRegionAndTheCxlRcrb() {
        // dom0-model.md, "Versions modelled, per behaviour": pci_ecam_create, bert_init,
        // acpi_ex_system_memory_space_handler and cxl_acpi's cxl_rcrb_to_component map without a platform device.
        SimulationResult r = run("bus-notify");
        assertThat(aborts(r))
                .containsExactlyInAnyOrder(
                        RegionKind.ECAM,
                        RegionKind.BOOT_ERROR_REGION,
                        RegionKind.OPERATION_REGION,
                        RegionKind.CXL_HOST_BRIDGE);
        // xen_platform_notifier maps the _CRS page and the APMT page at device add, before the drivers read them.
        assertThat(touches(r, RegionKind.DEVICE_RESOURCE)).containsOnly(OutcomeResult.MAPPED_AHEAD);
        assertThat(touches(r, RegionKind.APMT_PAGE)).containsOnly(OutcomeResult.MAPPED_AHEAD);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void xenPremapMapsEcamAndBertAndAbortsOnTheNewerTablesRegionAndTheOperationRegion() {
        SimulationResult r = run("xen-premap");
        assertThat(touches(r, RegionKind.ECAM)).containsOnly(OutcomeResult.MAPPED_AHEAD);
        assertThat(touches(r, RegionKind.BOOT_ERROR_REGION)).containsOnly(OutcomeResult.MAPPED_AHEAD);
        // The RFC's new-table failure: Xen 4.8 does not know CEDT, cxl_rcrb_to_component reads the RCRB.
        assertThat(aborts(r)).containsExactlyInAnyOrder(RegionKind.OPERATION_REGION, RegionKind.CXL_HOST_BRIDGE);
        assertThat(r.withResult(OutcomeResult.DOM0_ABORT))
                .filteredOn(o -> o.event().kind() == RegionKind.CXL_HOST_BRIDGE)
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.event().function()).isEqualTo("cxl_rcrb_to_component");
                    assertThat(o.event().base()).isEqualTo(Preset.SEED_CXL_RCRB);
                });
        // Xen 4.8 does not know APMT either, but Linux's notifier (dom0-model.md, "Dom0 Linux": it still runs) maps its
        // platform device before arm_cspmu_probe reads it.
        assertThat(touches(r, RegionKind.APMT_PAGE)).containsOnly(OutcomeResult.MAPPED_AHEAD);
        assertThat(r.outcomes())
                .filteredOn(o ->
                        o.event().kind() == RegionKind.APMT_PAGE && o.event().api() == AccessApi.DEVICE_ADD)
                .extracting(Outcome::reason)
                .allMatch(reason -> reason.startsWith("xen_map_device_mmio"));
    }

    @Test
    void xenPremapBlacklistLosesTheNewerTablesFeatureInstead() {
        SimulationResult r = run("xen-premap-blacklist");
        assertThat(r.outcomes())
                .filteredOn(o ->
                        o.event().kind() == RegionKind.APMT_PAGE || o.event().kind() == RegionKind.CXL_HOST_BRIDGE)
                .isNotEmpty()
                .extracting(Outcome::result)
                .containsOnly(OutcomeResult.FEATURE_LOST);
        assertThat(aborts(r)).containsExactly(RegionKind.OPERATION_REGION);
        assertThat(touches(r, RegionKind.ECAM)).containsOnly(OutcomeResult.MAPPED_AHEAD);
    }

    @Test
    void acpiOsIoremapMapsTheOperationRegionAndAbortsOnEcamAndBert() {
        // Option (a) hooks acpi_os_ioremap only; pci_remap_cfgspace and ioremap_cache are plain ioremaps.
        SimulationResult r = run("acpi-os-ioremap");
        assertThat(touches(r, RegionKind.OPERATION_REGION)).containsOnly(OutcomeResult.MAPPED_AHEAD);
        assertThat(aborts(r))
                .containsExactlyInAnyOrder(RegionKind.ECAM, RegionKind.BOOT_ERROR_REGION, RegionKind.CXL_HOST_BRIDGE);
        // The map served the AML access before the DMA engine wrote the page.
        assertThat(dma(r)).containsOnly(OutcomeResult.MAPPED_AHEAD);
    }

    @Test
    void arm64IoremapMapsEveryCpuAccessWithOneHypercallPerIoremapCall() {
        SimulationResult r = run("arm64-ioremap");
        assertThat(aborts(r)).isEmpty();
        assertThat(r.outcomes())
                .filteredOn(o -> o.event().api() == AccessApi.CPU_TOUCH)
                .extracting(Outcome::result)
                .containsOnly(OutcomeResult.MAPPED_AHEAD, OutcomeResult.EMULATED);
        // One XENMEM_add_to_physmap_range per ioremap call (acpi_os_ioremap is an ioremap on arm64), plus the
        // notifier's one per device add, which keeps running.
        long ioremaps = r.outcomes().stream()
                .filter(o -> o.event().api() == AccessApi.IOREMAP || o.event().api() == AccessApi.ACPI_OS_IOREMAP)
                .count();
        long deviceAdds = r.outcomes().stream()
                .filter(o -> o.event().api() == AccessApi.DEVICE_ADD)
                .count();
        // One per ioremap call of the boot; cxl_rcrb_to_component's ioremap of the RCRB is one of them.
        assertThat(ioremaps).isEqualTo(11);
        assertThat(r.costs().hypercalls()).isEqualTo(ioremaps + deviceAdds);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void stage2FaultMapsEveryCpuAccessOnFaultButTheEarlyDmaFaultsUnderASharedSmmu() {
        // try_map_mmio: each CPU access to an unmapped permitted page is mapped when it faults (80f9c31670).
        SimulationResult shared = run("stage2-fault", SmmuMode.SHARED);
        assertThat(aborts(shared)).isEmpty();
        for (RegionKind kind : List.of(
                RegionKind.ECAM,
                RegionKind.BOOT_ERROR_REGION,
                RegionKind.OPERATION_REGION,
                RegionKind.CXL_HOST_BRIDGE)) {
            assertThat(touches(shared, kind)).as(kind.name()).containsOnly(OutcomeResult.MAPPED_ON_FAULT);
        }
        // The commit's own caveat: DMA to a page before Dom0 touched it meets no stage-2 entry in the SMMU.
        assertThat(dma(shared)).containsOnly(OutcomeResult.DMA_FAULT);
        assertThat(shared.verdict()).isEqualTo(Verdict.FAIL);

        SimulationResult none = run("stage2-fault", SmmuMode.NONE);
        assertThat(dma(none)).containsOnly(OutcomeResult.MAPPED_AHEAD);
        assertThat(none.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void faultPlusDmaPremapAndMapAllPermittedPass() {
        assertThat(run("fault-plus-dma-premap").verdict()).isEqualTo(Verdict.PASS);
        assertThat(run("map-all-permitted").verdict()).isEqualTo(Verdict.PASS);
        assertThat(dma(run("fault-plus-dma-premap"))).containsOnly(OutcomeResult.MAPPED_AHEAD);
    }

    @Test
    void everyStrategyOfTheReportsIsCovered() {
        assertThat(MappingStrategy.all())
                .extracting(MappingStrategy::id)
                .containsExactlyInAnyOrder(
                        "bus-notify",
                        "xen-premap",
                        "xen-premap-blacklist",
                        "acpi-os-ioremap",
                        "arm64-ioremap",
                        "stage2-fault",
                        "map-all-permitted",
                        "fault-plus-dma-premap");
    }
}
