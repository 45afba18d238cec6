package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.BgrtTable;
import io.github.xenacpi.acpi.table.decoder.BgrtDecoder;

/** Writes a BGRT pointing at a boot logo bitmap. */
public final class BgrtBuilder implements TableBuilder {
    private int version = 1;
    private int status = 1;
    private int imageType;
    private long imageAddress;
    private long offsetX;
    private long offsetY;

    /** The image's physical address and where its top-left corner was drawn. */
    public BgrtBuilder image(long address, long x, long y) {
        this.imageAddress = address;
        this.offsetX = x;
        this.offsetY = y;
        return this;
    }

    public BgrtBuilder version(int value) {
        this.version = value;
        return this;
    }

    public BgrtBuilder status(int value) {
        this.status = value;
        return this;
    }

    public BgrtBuilder imageType(int value) {
        this.imageType = value;
        return this;
    }

    @Override
    public String signature() {
        return "BGRT";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        // The header is the writer's: the body's binding leaves it to the decoder, so the record written has none.
        return TableWriter.withHeader("BGRT", 1, oem)
                .record(
                        BgrtDecoder.RECORD,
                        new BgrtTable(null, version, status, imageType, imageAddress, offsetX, offsetY))
                .finish();
    }
}
