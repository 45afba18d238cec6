package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.WdatTable;
import io.github.xenacpi.acpi.table.decoder.WdatDecoder;
import java.util.ArrayList;
import java.util.List;

/** Writes a WDAT for a non-PCI watchdog (PCI fields 0xFF unless set) with any instruction entries. */
public final class WdatBuilder implements TableBuilder {
    private final List<WdatTable.Entry> entries = new ArrayList<>();
    private long headerLength = WdatDecoder.BODY.size();
    private int[] pci = {0xFFFF, 0xFF, 0xFF, 0xFF};
    private long timerPeriod = 1000;
    private long maxCount = 600;
    private long minCount = 1;
    private int flags = WdatTable.FLAG_ENABLED;
    private Long entryCount;

    /** The watchdog's PCI segment, bus, device and function. */
    public WdatBuilder pci(int segment, int bus, int device, int function) {
        this.pci = new int[] {segment, bus, device, function};
        return this;
    }

    /** Timer period in milliseconds and the count limits. */
    public WdatBuilder timer(long period, long max, long min) {
        this.timerPeriod = period;
        this.maxCount = max;
        this.minCount = min;
        return this;
    }

    public WdatBuilder flags(int value) {
        this.flags = value;
        return this;
    }

    /** Overrides the header length field (32 unless set). */
    public WdatBuilder headerLength(long value) {
        this.headerLength = value;
        return this;
    }

    /** Overrides the entry count field (the number of entries unless set). */
    public WdatBuilder entryCount(long value) {
        this.entryCount = value;
        return this;
    }

    /** Appends one instruction entry. */
    public WdatBuilder entry(WdatTable.Entry entry) {
        entries.add(entry);
        return this;
    }

    @Override
    public String signature() {
        return "WDAT";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("WDAT", 1, oem)
                .record(
                        WdatDecoder.TABLE_RECORD,
                        WdatTable.builder()
                                .headerLength(headerLength)
                                .pciSegment(pci[0])
                                .pciBus(pci[1])
                                .pciDevice(pci[2])
                                .pciFunction(pci[3])
                                .timerPeriod(timerPeriod)
                                .maxCount(maxCount)
                                .minCount(minCount)
                                .flags(flags)
                                .entryCount(entryCount != null ? entryCount : entries.size())
                                .build());
        entries.forEach(e -> w.record(WdatDecoder.ENTRY_RECORD, e));
        return w.finish();
    }
}
