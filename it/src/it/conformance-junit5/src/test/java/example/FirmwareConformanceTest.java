package example;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.junit.XenAssertions;
import io.github.xenacpi.junit.XenFirmwareSource;
import io.github.xenacpi.junit.XenPlatform;
import io.github.xenacpi.junit.XenStrategies;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.simulation.Verdict;
import org.junit.jupiter.api.Test;

/**
 * What this project's firmware must satisfy. Under Surefire it runs on the platforms the annotations name; the
 * validate goal's conformanceTests runs it once per platform of the build, whose firmware replaces theirs.
 */
@XenPlatform(preset = "qemu-virt", xen = "4.17", linux = "6.6", smmu = "none", strategy = "stage2-fault")
class FirmwareConformanceTest {

    @Test
    void dom0BootsWithoutAbortsOrDmaFaults(SimulationResult result) {
        XenAssertions.assertThat(result).hasNoDom0Aborts().hasNoDmaFaults().hasVerdict(Verdict.PASS);
    }

    @Test
    void pciConfigurationSpaceIsMapped(SimulationResult result) {
        XenAssertions.assertThat(result).mapsAll(RegionKind.ECAM);
    }

    @XenStrategies({"xen-premap", "stage2-fault"})
    void theChosenStrategiesPass(SimulationResult result) {
        XenAssertions.assertThat(result).hasVerdict(Verdict.PASS);
    }

    @XenFirmwareSource("target/firmware")
    void everyPlatformOfTheFolderBoots(Platform platform, SimulationResult result) {
        assertFalse(platform.tables().all().isEmpty());
        XenAssertions.assertThat(result).hasNoDom0Aborts();
    }

    @Test
    @XenPlatform(firmware = "target/firmware/good", xen = "4.8", strategy = "xen-premap")
    void theGoodTablesBootUnderPremapOnXen48(AcpiTables tables, SimulationResult result) {
        assertTrue(tables.all().size() >= 9);
        XenAssertions.assertThat(result).hasVerdict(Verdict.PASS);
    }
}
