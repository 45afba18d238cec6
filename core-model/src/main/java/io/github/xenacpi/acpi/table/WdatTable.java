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

    /**
     * A builder whose fields start at 0, with no header and no entries (what a table builder writes the watchdog
     * header from).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link WdatTable} field by field. */
    public static final class Builder {
        private TableHeader header;
        private long headerLength;
        private int pciSegment;
        private int pciBus;
        private int pciDevice;
        private int pciFunction;
        private long timerPeriod;
        private long maxCount;
        private long minCount;
        private int flags;
        private long entryCount;
        private List<Entry> entries = List.of();

        private Builder() {}

        public Builder header(TableHeader value) {
            header = value;
            return this;
        }

        public Builder headerLength(long value) {
            headerLength = value;
            return this;
        }

        public Builder pciSegment(int value) {
            pciSegment = value;
            return this;
        }

        public Builder pciBus(int value) {
            pciBus = value;
            return this;
        }

        public Builder pciDevice(int value) {
            pciDevice = value;
            return this;
        }

        public Builder pciFunction(int value) {
            pciFunction = value;
            return this;
        }

        public Builder timerPeriod(long value) {
            timerPeriod = value;
            return this;
        }

        public Builder maxCount(long value) {
            maxCount = value;
            return this;
        }

        public Builder minCount(long value) {
            minCount = value;
            return this;
        }

        public Builder flags(int value) {
            flags = value;
            return this;
        }

        public Builder entryCount(long value) {
            entryCount = value;
            return this;
        }

        public Builder entries(List<Entry> value) {
            entries = value;
            return this;
        }

        public WdatTable build() {
            return new WdatTable(
                    header,
                    headerLength,
                    pciSegment,
                    pciBus,
                    pciDevice,
                    pciFunction,
                    timerPeriod,
                    maxCount,
                    minCount,
                    flags,
                    entryCount,
                    entries);
        }
    }
}
