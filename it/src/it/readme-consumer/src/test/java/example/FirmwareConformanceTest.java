package example;

import io.github.xenacpi.junit.XenAssertions;
import io.github.xenacpi.junit.XenPlatform;
import io.github.xenacpi.junit.XenStrategies;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.simulation.Verdict;
import org.junit.jupiter.api.Test;

/** The README's example test, as a consumer project compiles and runs it. */
@XenPlatform(preset = "qemu-virt", xen = "4.17", linux = "6.6", strategy = "stage2-fault")
class FirmwareConformanceTest {

    @Test
    void dom0BootsWithoutAborts(SimulationResult result) {
        XenAssertions.assertThat(result).hasNoDom0Aborts().hasNoDmaFaults();
    }

    @XenStrategies({"xen-premap", "stage2-fault"})
    void theChosenStrategiesPass(SimulationResult result) {
        XenAssertions.assertThat(result).hasVerdict(Verdict.PASS);
    }
}
