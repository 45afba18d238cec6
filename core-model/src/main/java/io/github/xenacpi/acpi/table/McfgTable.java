package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The PCI Express Memory-mapped Configuration table (PCI Firmware Specification 3.3, section 4.1.2): one ECAM
 * allocation per PCI segment and bus range.
 */
public record McfgTable(TableHeader header, List<Allocation> allocations) implements AcpiTable {

    public McfgTable {
        allocations = List.copyOf(allocations);
    }

    /** One configuration space base address allocation. */
    public record Allocation(long baseAddress, int segment, int startBus, int endBus) {

        /** Bytes of ECAM the bus range covers: 1 MiB per bus (32 devices x 8 functions x 4 KiB). */
        public long ecamLength() {
            return endBus >= startBus ? (long) (endBus - startBus + 1) << 20 : 0;
        }
    }
}
