package io.github.xenacpi.site.guide;

// tag::imports[]
import static io.github.xenacpi.junit.XenAssertions.assertThat;

import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.junit.XenPlatform;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.simulation.Verdict;
import org.junit.jupiter.api.Test;
// end::imports[]

/** The guide's first example: the acceptance platform under two strategies, checked with the domain assertions. */
// tag::first[]
@XenPlatform(preset = "seed-rfc")
class AcceptancePlatformTest {

    @Test
    @XenPlatform(strategy = "fault-plus-dma-premap")
    void dom0BootsCleanly(SimulationResult result) {
        assertThat(result).hasNoDom0Aborts().hasNoDmaFaults().mapsAll(RegionKind.ECAM);
    }

    @Test
    @XenPlatform(strategy = "bus-notify")
    void todaysXenFailsIt(SimulationResult result) {
        assertThat(result).hasVerdict(Verdict.FAIL);
    }
}
// end::first[]
