package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The IO Remapping Table (Arm DEN 0049, revisions 0 to E.g): the nodes that describe how device IDs of PCI root
 * complexes and named components flow through SMMUs to GIC ITS groups, plus PMCGs and reserved memory ranges.
 * {@code nodeCount} and {@code nodeOffset} are the header's values; {@code nodes} the nodes actually found.
 */
public record IortTable(TableHeader header, long nodeCount, long nodeOffset, List<Node> nodes) implements AcpiTable {

    public IortTable {
        nodes = List.copyOf(nodes);
    }

    /** IORT node types (DEN 0049 table 4). */
    public static final int ITS_GROUP = 0;

    public static final int NAMED_COMPONENT = 1;
    public static final int ROOT_COMPLEX = 2;
    public static final int SMMU_V1_V2 = 3;
    public static final int SMMU_V3 = 4;
    public static final int PMCG = 5;
    public static final int RMR = 6;

    /** One node of any type; {@link #common()} holds the fields every node starts with. */
    public sealed interface Node
            permits ItsGroup, NamedComponent, RootComplex, SmmuV1V2, SmmuV3, Pmcg, ReservedMemoryRange, UnknownNode {

        /** The node header and its ID mappings. */
        NodeHeader common();
    }

    /**
     * The fields every node starts with: where it is, its type, length and revision, its identifier (reserved
     * before table revision 3), the declared count and node offset of its ID mappings, and the mappings that
     * could be decoded.
     */
    public record NodeHeader(
            int offset,
            int type,
            int length,
            int revision,
            long identifier,
            long mappingCount,
            long mappingOffset,
            List<IdMapping> idMappings) {

        public NodeHeader {
            idMappings = List.copyOf(idMappings);
        }
    }

    /**
     * One ID mapping: {@code idCount + 1} input IDs from {@code inputBase} map to {@code outputBase} onwards in the
     * node at table offset {@code outputReference}; flag bit 0 marks a single mapping (input range ignored).
     */
    public record IdMapping(long inputBase, long idCount, long outputBase, long outputReference, long flags) {

        /** Whether this mapping is a single mapping (flags bit 0), whose input range is ignored. */
        public boolean isSingle() {
            return (flags & 1) != 0;
        }
    }

    /** Memory access properties of named components and root complexes. */
    public record MemoryAccess(long cacheCoherency, int allocationHints, int memoryAccessFlags) {}

    /** Type 0: a group of GIC ITS units, by their MADT GIC ITS identifiers. */
    public record ItsGroup(NodeHeader common, List<Long> identifiers) implements Node {

        public ItsGroup {
            identifiers = List.copyOf(identifiers);
        }
    }

    /** Type 1: a device named by its full ACPI namespace path. */
    public record NamedComponent(
            NodeHeader common, long flags, MemoryAccess memoryAccess, int memoryAddressSizeLimit, String objectName)
            implements Node {}

    /**
     * Type 2: a PCI root complex. {@code memoryAddressSizeLimit} exists from node revision 1, {@code
     * pasidCapabilities} from E.b and {@code flags} from E.c; absent fields read 0.
     */
    public record RootComplex(
            NodeHeader common,
            MemoryAccess memoryAccess,
            long atsAttribute,
            long pciSegment,
            int memoryAddressSizeLimit,
            int pasidCapabilities,
            long flags)
            implements Node {}

    /** A wired interrupt of an SMMUv1/v2 node: GSIV and flags (bit 0: edge triggered). */
    public record Interrupt(long gsiv, long flags) {}

    /**
     * Type 3: an SMMUv1 or SMMUv2 with its register frame and interrupt arrays; the array offsets are from the
     * node's start.
     */
    public record SmmuV1V2(
            NodeHeader common,
            long baseAddress,
            long span,
            long model,
            long flags,
            long globalInterruptOffset,
            Interrupt nsgIrpt,
            Interrupt nsgCfgIrpt,
            long contextInterruptOffset,
            List<Interrupt> contextInterrupts,
            long pmuInterruptOffset,
            List<Interrupt> pmuInterrupts)
            implements Node {

        public SmmuV1V2 {
            contextInterrupts = List.copyOf(contextInterrupts);
            pmuInterrupts = List.copyOf(pmuInterrupts);
        }
    }

    /**
     * Type 4: an SMMUv3. {@code proximityDomain} and {@code deviceIdMappingIndex} are absent (0) in the oldest
     * node layout.
     */
    public record SmmuV3(
            NodeHeader common,
            long baseAddress,
            long flags,
            long vatosAddress,
            long model,
            long eventGsiv,
            long priGsiv,
            long gerrGsiv,
            long syncGsiv,
            long proximityDomain,
            long deviceIdMappingIndex)
            implements Node {

        /** A builder whose numbers start at 0 and whose node header starts null. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link SmmuV3} field by field, each setter named after its component. */
        public static final class Builder {
            private NodeHeader common;
            private long baseAddress;
            private long flags;
            private long vatosAddress;
            private long model;
            private long eventGsiv;
            private long priGsiv;
            private long gerrGsiv;
            private long syncGsiv;
            private long proximityDomain;
            private long deviceIdMappingIndex;

            private Builder() {}

            public Builder common(NodeHeader value) {
                common = value;
                return this;
            }

            public Builder baseAddress(long value) {
                baseAddress = value;
                return this;
            }

            public Builder flags(long value) {
                flags = value;
                return this;
            }

            public Builder vatosAddress(long value) {
                vatosAddress = value;
                return this;
            }

            public Builder model(long value) {
                model = value;
                return this;
            }

            public Builder eventGsiv(long value) {
                eventGsiv = value;
                return this;
            }

            public Builder priGsiv(long value) {
                priGsiv = value;
                return this;
            }

            public Builder gerrGsiv(long value) {
                gerrGsiv = value;
                return this;
            }

            public Builder syncGsiv(long value) {
                syncGsiv = value;
                return this;
            }

            public Builder proximityDomain(long value) {
                proximityDomain = value;
                return this;
            }

            public Builder deviceIdMappingIndex(long value) {
                deviceIdMappingIndex = value;
                return this;
            }

            /** The SmmuV3 set so far. */
            public SmmuV3 build() {
                return new SmmuV3(
                        common,
                        baseAddress,
                        flags,
                        vatosAddress,
                        model,
                        eventGsiv,
                        priGsiv,
                        gerrGsiv,
                        syncGsiv,
                        proximityDomain,
                        deviceIdMappingIndex);
            }
        }
    }

    /** Type 5: an SMMUv3 performance monitor counter group; page 1 is absent (0) in node revision 0. */
    public record Pmcg(
            NodeHeader common, long page0BaseAddress, long overflowGsiv, long nodeReference, long page1BaseAddress)
            implements Node {}

    /** One memory range descriptor of an RMR node. */
    public record MemoryRangeDescriptor(long baseAddress, long length) {}

    /**
     * Type 6: reserved memory ranges that stay mapped for the streams of its ID mappings; {@code rangeOffset} is
     * where the descriptors start, from the node's start.
     */
    public record ReservedMemoryRange(
            NodeHeader common, long flags, long rangeOffset, List<MemoryRangeDescriptor> ranges) implements Node {

        public ReservedMemoryRange {
            ranges = List.copyOf(ranges);
        }
    }

    /** A node of a type this decoder does not know; only its header and ID mappings are decoded. */
    public record UnknownNode(NodeHeader common) implements Node {}
}
