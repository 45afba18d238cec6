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
    public record Msc(
            int interfaceType,
            long identifier,
            long baseAddress,
            long mmioSize,
            long overflowInterrupt,
            long overflowInterruptFlags,
            long overflowInterruptAffinity,
            long errorInterrupt,
            long errorInterruptFlags,
            long errorInterruptAffinity,
            long maxNrdyUsec,
            long linkedDeviceHid,
            long linkedDeviceInstance,
            List<Resource> resources) {

        public Msc {
            resources = List.copyOf(resources);
        }

        /** A builder whose fields start at 0, no resources. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds an {@link Msc} field by field. */
        public static final class Builder {
            private int interfaceType;
            private long identifier;
            private long baseAddress;
            private long mmioSize;
            private long overflowInterrupt;
            private long overflowInterruptFlags;
            private long overflowInterruptAffinity;
            private long errorInterrupt;
            private long errorInterruptFlags;
            private long errorInterruptAffinity;
            private long maxNrdyUsec;
            private long linkedDeviceHid;
            private long linkedDeviceInstance;
            private List<Resource> resources = List.of();

            private Builder() {}

            public Builder interfaceType(int value) {
                interfaceType = value;
                return this;
            }

            public Builder identifier(long value) {
                identifier = value;
                return this;
            }

            public Builder baseAddress(long value) {
                baseAddress = value;
                return this;
            }

            public Builder mmioSize(long value) {
                mmioSize = value;
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

            public Builder overflowInterruptAffinity(long value) {
                overflowInterruptAffinity = value;
                return this;
            }

            public Builder errorInterrupt(long value) {
                errorInterrupt = value;
                return this;
            }

            public Builder errorInterruptFlags(long value) {
                errorInterruptFlags = value;
                return this;
            }

            public Builder errorInterruptAffinity(long value) {
                errorInterruptAffinity = value;
                return this;
            }

            public Builder maxNrdyUsec(long value) {
                maxNrdyUsec = value;
                return this;
            }

            public Builder linkedDeviceHid(long value) {
                linkedDeviceHid = value;
                return this;
            }

            public Builder linkedDeviceInstance(long value) {
                linkedDeviceInstance = value;
                return this;
            }

            public Builder resources(List<Resource> value) {
                resources = value;
                return this;
            }

            /** The Msc set so far. */
            public Msc build() {
                return new Msc(
                        interfaceType,
                        identifier,
                        baseAddress,
                        mmioSize,
                        overflowInterrupt,
                        overflowInterruptFlags,
                        overflowInterruptAffinity,
                        errorInterrupt,
                        errorInterruptFlags,
                        errorInterruptAffinity,
                        maxNrdyUsec,
                        linkedDeviceHid,
                        linkedDeviceInstance,
                        resources);
            }
        }
    }

    /**
     * One resource node: its identifier, resource instance selection index, locator (type 0 processor cache,
     * 1 memory, 2 SMMU, 3 memory-side cache, 4 ACPI device, 5 interconnect, 0xFF unknown; two descriptors) and
     * the identifiers of the producers it depends on.
     */
    public record Resource(
            long identifier,
            int risIndex,
            int locatorType,
            long descriptor1,
            long descriptor2,
            List<Long> functionalDependencies) {

        public Resource {
            functionalDependencies = List.copyOf(functionalDependencies);
        }
    }
}
