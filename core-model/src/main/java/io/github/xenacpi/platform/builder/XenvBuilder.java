package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.XenvTable;
import io.github.xenacpi.acpi.table.decoder.XenvDecoder;

/** Writes an XENV with the grant table range and the event channel interrupt. */
public final class XenvBuilder implements TableBuilder {
    private final long grantTableBase;
    private final long grantTableSize;
    private final long eventInterrupt;
    private final int eventFlags;

    /** An XENV with those values; flags bit 0 edge-triggered, bit 1 active low. */
    public XenvBuilder(long grantTableBase, long grantTableSize, long eventInterrupt, int eventFlags) {
        this.grantTableBase = grantTableBase;
        this.grantTableSize = grantTableSize;
        this.eventInterrupt = eventInterrupt;
        this.eventFlags = eventFlags;
    }

    @Override
    public String signature() {
        return "XENV";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        // The header is the writer's: the body's binding leaves it to the decoder, so the record written has none.
        return TableWriter.withHeader("XENV", 1, oem)
                .record(
                        XenvDecoder.RECORD,
                        new XenvTable(null, grantTableBase, grantTableSize, eventInterrupt, eventFlags))
                .finish();
    }
}
