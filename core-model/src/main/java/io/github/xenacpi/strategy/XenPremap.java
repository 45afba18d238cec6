package io.github.xenacpi.strategy;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.platform.DmaScenario;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.xen.IomemPermissions;
import java.util.List;

/**
 * Xen parses the static tables it knows and maps every device-memory region they describe at build; with the
 * blacklist, it also removes the tables it does not know from Dom0's XSDT, so their features are lost instead
 * of aborting. A proposal, never in real Xen.
 */
public record XenPremap(boolean blacklist) implements MappingStrategy {

    @Override
    public String id() {
        return blacklist ? "xen-premap-blacklist" : "xen-premap";
    }

    @Override
    public String description() {
        return blacklist
                ? "Xen maps the regions of the static tables it knows at build and removes unknown tables."
                : "Xen maps the regions of the static tables it knows at build.";
    }

    @Override
    public List<DescribedRegion> premappedAtBuild(
            List<DescribedRegion> regions, XenVersion xen, IomemPermissions permissions, List<DmaScenario> dma) {
        return regions.stream()
                .filter(DescribedRegion::isDeviceMemory)
                .filter(r -> r.kind() != RegionKind.ACPI_TABLE)
                .filter(r -> StaticTableKnowledge.knows(r, regions, xen))
                .toList();
    }

    @Override
    public boolean hidesTable(String signature, XenVersion xen) {
        return blacklist && !StaticTableKnowledge.knows(signature, xen) && !isCore(signature);
    }

    /** Tables that describe no device memory of their own and that Dom0 cannot boot without. */
    private static boolean isCore(String signature) {
        return switch (signature) {
            case "DSDT", "SSDT", "FACS", "XSDT", "RSDT", "RSDP", "PPTT", "SRAT", "SLIT", "STAO" -> true;
            default -> false;
        };
    }
}
