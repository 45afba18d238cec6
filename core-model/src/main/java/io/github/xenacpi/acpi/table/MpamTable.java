package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Memory System Resource Partitioning and Monitoring table (Arm DEN 0065): one node per memory system
 * component (MSC) with its interface, interrupts and the resources it controls.
 */
public record MpamTable(TableHeader header, List<Msc> mscs) implements AcpiTable {

    /** Interface type of an MSC reached through MMIO. */
    public static final int INTERFACE_MMIO = 0x00;
    /** Interface type of an MSC reached through a PCC subspace; its base address holds the subspace ID. */
    public static final int INTERFACE_PCC = 0x0A;

    public MpamTable {
        mscs = List.copyOf(mscs);
    }

    /** One memory system component node. */
    public record Msc(int interfaceType, long identifier, long baseAddress, long mmioSize, long overflowInterrupt,
                      long overflowInterruptFlags, long overflowInterruptAffinity, long errorInterrupt,
                      long errorInterruptFlags, long errorInterruptAffinity, long maxNrdyUsec,
                      long linkedDeviceHid, long linkedDeviceInstance, List<Resource> resources) {

        public Msc {
            resources = List.copyOf(resources);
        }
    }

    /**
     * One resource node: its identifier, resource instance selection index, locator (type 0 processor cache,
     * 1 memory, 2 SMMU, 3 memory-side cache, 4 ACPI device, 5 interconnect, 0xFF unknown; two descriptors) and
     * the identifiers of the producers it depends on.
     */
    public record Resource(long identifier, int risIndex, int locatorType, long descriptor1, long descriptor2,
                           List<Long> functionalDependencies) {

        public Resource {
            functionalDependencies = List.copyOf(functionalDependencies);
        }
    }
}
