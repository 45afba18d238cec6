package example;

import io.github.xenacpi.junit.XenAssertions;
import io.github.xenacpi.junit.XenPlatform;
import io.github.xenacpi.simulation.SimulationResult;
import org.junit.jupiter.api.Test;

/**
 * Demands that Dom0 boots under the status quo on the seed's Xen 4.8, which maps nothing on a stage-2 fault: a
 * platform with PCI ECAM windows breaks it.
 */
@XenPlatform(strategy = "bus-notify", xen = "4.8", linux = "4.10")
class BusNotifyConformanceTest {

    @Test
    void dom0BootsWithoutAborts(SimulationResult result) {
        XenAssertions.assertThat(result).hasNoDom0Aborts();
    }
}
