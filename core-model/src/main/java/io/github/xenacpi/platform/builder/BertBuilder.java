package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.decoder.BertDecoder;

/** Writes a BERT pointing at one boot error region. */
public final class BertBuilder implements TableBuilder {
    private long regionLength;
    private long regionAddress;

    /** Sets the boot error region (address 0 and length 0: no region). */
    public BertBuilder region(long address, long length) {
        this.regionAddress = address;
        this.regionLength = length;
        return this;
    }

    @Override
    public String signature() {
        return "BERT";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        return TableWriter.withHeader("BERT", 1, oem)
                .struct(BertDecoder.LAYOUT)
                .set("regionLength", regionLength)
                .set("regionAddress", regionAddress)
                .write()
                .finish();
    }
}
