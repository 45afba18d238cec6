package io.github.xenacpi.platform.builder;

/** Writes an SDEI table: the standard header, optionally followed by extra zero bytes. */
public final class SdeiBuilder implements TableBuilder {
    private int extra;

    /** Zero bytes after the header (the table defines none). */
    public SdeiBuilder extraBytes(int count) {
        this.extra = count;
        return this;
    }

    @Override
    public String signature() {
        return "SDEI";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        return TableWriter.withHeader("SDEI", 1, oem).zeros(extra).finish();
    }
}
