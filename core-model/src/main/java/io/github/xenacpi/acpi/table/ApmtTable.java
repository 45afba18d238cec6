package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Arm Performance Monitoring Unit table (Arm DEN 0117): one node per CoreSight architecture PMU, with the
 * base of its page 0 and, for dual-page PMUs, page 1.
 */
public record ApmtTable(TableHeader header, List<Node> nodes) implements AcpiTable {

    public ApmtTable {
        nodes = List.copyOf(nodes);
    }

    /**
     * One PMU node. Flags bit 0 dual page, bit 1 processor affinity type (0 container, 1 processor), bit 2 64-bit
     * atomic access; node types 0 memory controller, 1 SMMU, 2 PCIe root complex, 3 ACPI device, 4 CPU cache.
     */
    public record Node(int flags, int nodeType, long identifier, long primaryInstance, long secondaryInstance,
                       long baseAddress0, long baseAddress1, long overflowInterrupt, long overflowInterruptFlags,
                       long processorAffinity, long implementationId) {

        /** Whether the PMU has a second register page (flags bit 0). */
        public boolean dualPage() {
            return (flags & 1) != 0;
        }
    }
}
