package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.FacsTable;
import io.github.xenacpi.acpi.table.decoder.FacsDecoder;

/** Writes a 64-byte FACS (version 3 by default). */
public final class FacsBuilder implements TableBuilder {
    private long hardwareSignature;
    private long firmwareWakingVector;
    private long globalLock;
    private long flags;
    private long xFirmwareWakingVector;
    private int version = 3;
    private long ospmFlags;

    public FacsBuilder hardwareSignature(long value) {
        this.hardwareSignature = value;
        return this;
    }

    public FacsBuilder firmwareWakingVector(long value) {
        this.firmwareWakingVector = value;
        return this;
    }

    public FacsBuilder globalLock(long value) {
        this.globalLock = value;
        return this;
    }

    public FacsBuilder flags(long value) {
        this.flags = value;
        return this;
    }

    public FacsBuilder xFirmwareWakingVector(long value) {
        this.xFirmwareWakingVector = value;
        return this;
    }

    public FacsBuilder version(int value) {
        this.version = value;
        return this;
    }

    public FacsBuilder ospmFlags(long value) {
        this.ospmFlags = value;
        return this;
    }

    @Override
    public String signature() {
        return "FACS";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        // The header the decoder synthesises is no field: the binding leaves it out, so the record written has none.
        FacsTable facs = FacsTable.builder()
                .length(FacsDecoder.LAYOUT.size())
                .hardwareSignature(hardwareSignature)
                .firmwareWakingVector(firmwareWakingVector)
                .globalLock(globalLock)
                .flags(flags)
                .xFirmwareWakingVector(xFirmwareWakingVector)
                .version(version)
                .ospmFlags(ospmFlags)
                .build();
        return TableWriter.headerless()
                .struct(FacsDecoder.LAYOUT)
                .set("signature", "FACS")
                .set(FacsDecoder.RECORD, facs)
                .write()
                .toBytes();
    }
}
