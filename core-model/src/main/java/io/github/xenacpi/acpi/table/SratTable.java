package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The System Resource Affinity Table (ACPI 6.5 section 5.2.16): which proximity domain each processor, memory
 * range, interrupt translation service and generic initiator or port belongs to.
 */
public record SratTable(TableHeader header, long tableRevisionField, List<Affinity> affinities) implements AcpiTable {

    public SratTable {
        affinities = List.copyOf(affinities);
    }

    /** One affinity structure; flags bit 0 says whether it is enabled for every type that has flags. */
    public sealed interface Affinity permits ProcessorApic, Memory, X2Apic, Gicc, GicIts, GenericDomain, Rintc, Other {}

    /** Processor Local APIC/SAPIC affinity (type 0); the domain joins the low byte and the three high bytes. */
    public record ProcessorApic(long proximityDomain, int apicId, long flags, int sapicEid, long clockDomain)
            implements Affinity {}

    /**
     * Memory affinity (type 1): a range of RAM in a proximity domain. Flags bit 0 enabled, bit 1 hot-pluggable,
     * bit 2 non-volatile.
     */
    public record Memory(long proximityDomain, long base, long length, long flags) implements Affinity {

        public boolean enabled() {
            return (flags & 1) != 0;
        }
    }

    /** Processor Local x2APIC affinity (type 2). */
    public record X2Apic(long proximityDomain, long x2apicId, long flags, long clockDomain) implements Affinity {}

    /** GICC affinity (type 3): the processor of that ACPI processor UID. */
    public record Gicc(long proximityDomain, long acpiProcessorUid, long flags, long clockDomain) implements Affinity {}

    /** GIC ITS affinity (type 4). */
    public record GicIts(long proximityDomain, long itsId) implements Affinity {}

    /**
     * Generic initiator (type 5) or generic port (type 6) affinity: a device named by an ACPI or PCI device
     * handle.
     */
    public record GenericDomain(int type, long proximityDomain, DeviceHandle handle, long flags) implements Affinity {

        /** Whether this is a generic port (type 6) rather than a generic initiator. */
        public boolean isPort() {
            return type == 6;
        }
    }

    /**
     * A device handle: type 0 is an ACPI device (_HID and _UID), type 1 a PCI device (segment and bus/device/
     * function); fields of the other kind are empty or 0.
     */
    public record DeviceHandle(int handleType, String acpiHid, long acpiUid, int pciSegment, int pciBdf) {}

    /** RINTC affinity (type 7, RISC-V). */
    public record Rintc(long proximityDomain, long acpiProcessorUid, long flags, long clockDomain)
            implements Affinity {}

    /** A structure of a type this decoder does not know. */
    public record Other(int type, int offset, int length) implements Affinity {}
}
