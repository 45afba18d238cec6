package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;
import java.util.Optional;

/**
 * The Arm Error Source Table (Arm DEN 0085, ACPI for the Armv8 RAS Extensions 1.1): one node per error node
 * (processor, memory, SMMU, vendor, GIC), each with its node-specific data, its error record interface and its
 * interrupts.
 */
public record AestTable(TableHeader header, List<Node> nodes) implements AcpiTable {

    public AestTable {
        nodes = List.copyOf(nodes);
    }

    /** Interface type 0: the error records are accessed through system registers. */
    public static final int SYSTEM_REGISTER_INTERFACE = 0;
    /** Interface type 1: the error records are a memory-mapped error record group. */
    public static final int MEMORY_MAPPED_INTERFACE = 1;

    /** One error node: type, length, rates, node-specific data, interface (when its offset is valid), interrupts. */
    public record Node(
            int type,
            int length,
            long timestampRate,
            long errorInjectionCountdownRate,
            NodeData data,
            Optional<Interface> nodeInterface,
            List<Interrupt> interrupts) {
        public Node {
            interrupts = List.copyOf(interrupts);
        }
    }

    /** The node-specific data, one variant per node type. */
    public sealed interface NodeData permits Processor, Memory, Smmu, Vendor, Gic, Unknown {}

    /**
     * Type 0: a processor error node; {@code resource} is the cache reference (resource type 0), the TLB level (1)
     * or the generic resource value (2).
     */
    public record Processor(
            long processorId, int resourceType, int flags, int revision, long processorAffinity, long resource)
            implements NodeData {}

    /** Type 1: a memory error node in an SRAT proximity domain. */
    public record Memory(long proximityDomain) implements NodeData {}

    /** Type 2: an SMMU error node: the IORT node and the SMMU sub-component. */
    public record Smmu(long iortNodeReference, long subcomponentReference) implements NodeData {}

    /** Type 3: a vendor-defined error node: its _HID and _UID and 16 bytes of vendor data in hex. */
    public record Vendor(long hid, long uid, String vendorData) implements NodeData {}

    /** Type 4: a GIC error node: the GIC interface type (0 CPU, 1 distributor, 2 redistributor, 3 ITS) and instance. */
    public record Gic(long interfaceType, long instanceId) implements NodeData {}

    /** Node-specific data of a node type DEN 0085 1.1 does not define, or that lies outside its node. */
    public record Unknown() implements NodeData {}

    /** The node interface: how the node's error records are reached, and which of them are implemented. */
    public record Interface(
            int type,
            long flags,
            long baseAddress,
            long errorRecordIndex,
            long errorRecordCount,
            long errorRecordImplemented,
            long errorStatusReporting,
            long addressingMode) {}

    /** One node interrupt: its type (0 fault handling, 1 error recovery), flags, GSIV and IORT id. */
    public record Interrupt(int type, int flags, long gsiv, int iortId) {}
}
