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
    public record Node(
            int flags,
            int nodeType,
            long identifier,
            long primaryInstance,
            long secondaryInstance,
            long baseAddress0,
            long baseAddress1,
            long overflowInterrupt,
            long overflowInterruptFlags,
            long processorAffinity,
            long implementationId) {

        /** Whether the PMU has a second register page (flags bit 0). */
        public boolean dualPage() {
            return (flags & 1) != 0;
        }

        /** A builder whose fields start at 0. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link Node} field by field. */
        public static final class Builder {
            private int flags;
            private int nodeType;
            private long identifier;
            private long primaryInstance;
            private long secondaryInstance;
            private long baseAddress0;
            private long baseAddress1;
            private long overflowInterrupt;
            private long overflowInterruptFlags;
            private long processorAffinity;
            private long implementationId;

            private Builder() {}

            public Builder flags(int value) {
                flags = value;
                return this;
            }

            public Builder nodeType(int value) {
                nodeType = value;
                return this;
            }

            public Builder identifier(long value) {
                identifier = value;
                return this;
            }

            public Builder primaryInstance(long value) {
                primaryInstance = value;
                return this;
            }

            public Builder secondaryInstance(long value) {
                secondaryInstance = value;
                return this;
            }

            public Builder baseAddress0(long value) {
                baseAddress0 = value;
                return this;
            }

            public Builder baseAddress1(long value) {
                baseAddress1 = value;
                return this;
            }

            public Builder overflowInterrupt(long value) {
                overflowInterrupt = value;
                return this;
            }

            public Builder overflowInterruptFlags(long value) {
                overflowInterruptFlags = value;
                return this;
            }

            public Builder processorAffinity(long value) {
                processorAffinity = value;
                return this;
            }

            public Builder implementationId(long value) {
                implementationId = value;
                return this;
            }

            /** The Node set so far. */
            public Node build() {
                return new Node(
                        flags,
                        nodeType,
                        identifier,
                        primaryInstance,
                        secondaryInstance,
                        baseAddress0,
                        baseAddress1,
                        overflowInterrupt,
                        overflowInterruptFlags,
                        processorAffinity,
                        implementationId);
            }
        }
    }
}
