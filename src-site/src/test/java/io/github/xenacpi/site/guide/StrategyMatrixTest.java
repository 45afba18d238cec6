package io.github.xenacpi.site.guide;

import static io.github.xenacpi.junit.XenAssertions.assertThat;

import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.junit.XenPlatform;
import io.github.xenacpi.junit.XenStrategies;
import io.github.xenacpi.simulation.SimulationResult;

/** The guide's strategy matrices: a listed set of strategies, and every strategy. */
// tag::strategies[]
@XenPlatform(preset = "server-ras", xen = "4.17", linux = "6.6")
class StrategyMatrixTest {

    @XenStrategies({"stage2-fault", "map-all-permitted", "fault-plus-dma-premap"})
    void errorRegionsStayReachable(SimulationResult result) {
        assertThat(result).hasNoDom0Aborts().mapsAll(RegionKind.BOOT_ERROR_REGION);
    }

    @XenStrategies
    void theNotifierMapsTheSmmuUnderEveryStrategy(SimulationResult result) {
        assertThat(result).mapsAll(RegionKind.SMMU);
    }
}
// end::strategies[]
