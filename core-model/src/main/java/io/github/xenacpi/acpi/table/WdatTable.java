package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Watchdog Action Table (Microsoft WDAT specification 1.01): the watchdog's PCI location (all 0xFF when it is
 * not a PCI device), its timer period and count limits, flags, and the instruction entries that drive it.
 */
public record WdatTable(
        TableHeader header,
        long headerLength,
        int pciSegment,
        int pciBus,
        int pciDevice,
        int pciFunction,
        long timerPeriod,
        long maxCount,
        long minCount,
        int flags,
        long entryCount,
        List<Entry> entries)
        implements AcpiTable {

    public WdatTable {
        entries = List.copyOf(entries);
    }

    /** Flags bit 0: the watchdog is enabled. */
    public static final int FLAG_ENABLED = 1;
    /** Flags bit 7: the watchdog stops in sleep states. */
    public static final int FLAG_STOPPED_IN_SLEEP = 0x80;

    /** One watchdog instruction entry: action, instruction (bit 7: preserve register), register, value and mask. */
    public record Entry(int action, int instruction, GenericAddress register, long value, long mask) {}
}
