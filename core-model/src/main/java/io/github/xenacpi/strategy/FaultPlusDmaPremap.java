package io.github.xenacpi.strategy;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.platform.DmaScenario;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.xen.IomemPermissions;
import java.util.List;

/**
 * Our own: option (c), plus Xen pre-maps every page the platform shows as a DMA target, which closes (c)'s hole
 * under a shared SMMU (a device writing a page before the CPU touched it).
 */
public record FaultPlusDmaPremap() implements MappingStrategy {

    @Override
    public String id() {
        return "fault-plus-dma-premap";
    }

    @Override
    public String description() {
        return "Option (c), and Xen maps every DMA target page at build so devices never fault first.";
    }

    @Override
    public List<DescribedRegion> premappedAtBuild(
            List<DescribedRegion> regions, XenVersion xen, IomemPermissions permissions, List<DmaScenario> dma) {
        return dma.stream()
                .map(d -> new DescribedRegion(
                        d.targetKind(),
                        AddressSpace.SYSTEM_MEMORY,
                        d.address() & ~0xFFFL,
                        0x1000,
                        "DMA",
                        1,
                        -1,
                        d.device()))
                .toList();
    }

    @Override
    public boolean mapsOnFault() {
        return true;
    }
}
