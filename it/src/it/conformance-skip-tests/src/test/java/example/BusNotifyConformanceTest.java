package example;

import io.github.xenacpi.junit.XenAssertions;
import io.github.xenacpi.junit.XenPlatform;
import io.github.xenacpi.simulation.SimulationResult;
import org.junit.jupiter.api.Test;

/** Demands that Dom0 boots under the status quo, which a platform with PCI ECAM windows breaks. */
@XenPlatform(strategy = "bus-notify")
class BusNotifyConformanceTest {

    @Test
    void dom0BootsWithoutAborts(SimulationResult result) {
        XenAssertions.assertThat(result).hasNoDom0Aborts();
    }
}
