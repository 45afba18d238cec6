package io.github.xenacpi.simulation;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.platform.DmaScenario;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import java.util.List;

/**
 * What a simulation runs on: the platform's regions, Dom0's RAM ranges (base, length), the IPA size, the Xen
 * and Linux versions, the SMMU mode, whether Linux uses the SPCR early console, the DMA scenarios, and the cost model.
 */
public record SimulationInput(List<DescribedRegion> regions, List<long[]> ram, int ipaBits, XenVersion xen,
                              LinuxVersion linux, SmmuMode smmu, boolean earlycon, List<DmaScenario> dma,
                              CostModel costModel) {

    public SimulationInput {
        regions = List.copyOf(regions);
        ram = ram.stream().map(long[]::clone).toList();
        dma = List.copyOf(dma);
    }
}
