package io.github.xenacpi.platform;

import io.github.xenacpi.acpi.region.RegionKind;
import java.util.Objects;

/**
 * A device writing device memory by DMA (an MSI doorbell, a peer's BAR, a descriptor-listed target): which
 * device, the target address and the kind of region it lies in, and whether it happens before the CPU first
 * touches that page (the case the stage-2-fault strategy cannot serve under a shared SMMU).
 */
public record DmaScenario(String device, RegionKind targetKind, long address, boolean beforeCpu) {

    public DmaScenario {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(targetKind, "targetKind");
    }
}
