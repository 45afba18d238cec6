package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Heterogeneous Memory Attribute Table (ACPI 6.5 section 5.2.28): memory proximity domain attributes,
 * latency and bandwidth between initiator and target domains, and memory side caches.
 */
public record HmatTable(TableHeader header, List<Structure> structures) implements AcpiTable {

    public HmatTable {
        structures = List.copyOf(structures);
    }

    /** One HMAT structure. */
    public sealed interface Structure permits MemoryAttributes, Locality, MemorySideCache, Other {}

    /**
     * Memory proximity domain attributes (type 0). {@code rangeBase} and {@code rangeLength} are the system
     * physical address range of HMAT revision 1 (ACPI 6.2); they are reserved from revision 2 on.
     */
    public record MemoryAttributes(
            int flags, long initiatorProximityDomain, long memoryProximityDomain, long rangeBase, long rangeLength)
            implements Structure {

        /** Whether the initiator proximity domain field is valid (flags bit 0). */
        public boolean initiatorValid() {
            return (flags & 1) != 0;
        }
    }

    /**
     * System locality latency and bandwidth information (type 1): the initiator and target domain lists and the
     * initiators x targets matrix of entries, row by initiator, each multiplied by {@code entryBaseUnit}.
     */
    public record Locality(
            int flags,
            int dataType,
            int minTransferSize,
            long entryBaseUnit,
            List<Long> initiators,
            List<Long> targets,
            List<Integer> entries)
            implements Structure {

        public Locality {
            initiators = List.copyOf(initiators);
            targets = List.copyOf(targets);
            entries = List.copyOf(entries);
        }
    }

    /** Memory side cache information (type 2) with the SMBIOS handles of its physical devices. */
    public record MemorySideCache(
            long memoryProximityDomain,
            long cacheSize,
            long cacheAttributes,
            int addressMode,
            List<Integer> smbiosHandles)
            implements Structure {

        public MemorySideCache {
            smbiosHandles = List.copyOf(smbiosHandles);
        }
    }

    /** A structure of a type this decoder does not know. */
    public record Other(int type, int offset, int length) implements Structure {}
}
