package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.Tpm2Table;
import io.github.xenacpi.acpi.table.decoder.Tpm2Decoder;
import java.util.HexFormat;

/** Writes a TPM2 table of any revision, start method, parameters and log area. */
public final class Tpm2Builder implements TableBuilder {
    private int revision = 4;
    private int platformClass;
    private long controlAddress;
    private long startMethod = 7;
    private Tpm2Table.StartParameters parameters = new Tpm2Table.Opaque("");
    private Tpm2Table.LogArea logArea;
    private int trailing;

    public Tpm2Builder revision(int value) {
        this.revision = value;
        return this;
    }

    public Tpm2Builder platformClass(int value) {
        this.platformClass = value;
        return this;
    }

    /** The CRB control area (or FIFO base) address. */
    public Tpm2Builder controlAddress(long value) {
        this.controlAddress = value;
        return this;
    }

    /** The raw start method code. */
    public Tpm2Builder startMethod(long code) {
        this.startMethod = code;
        return this;
    }

    /** The start-method-specific parameters; they fill the revision's parameter field, zero-padded. */
    public Tpm2Builder parameters(Tpm2Table.StartParameters value) {
        this.parameters = value;
        return this;
    }

    /** Adds the LAML/LASA fields after the parameter field. */
    public Tpm2Builder logArea(long minimumLength, long startAddress) {
        this.logArea = new Tpm2Table.LogArea(minimumLength, startAddress);
        return this;
    }

    /** Zero bytes appended at the end (as some firmware pads the table). */
    public Tpm2Builder trailingZeros(int count) {
        this.trailing = count;
        return this;
    }

    @Override
    public String signature() {
        return "TPM2";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("TPM2", revision, oem)
                .struct(Tpm2Decoder.BODY)
                .set("platformClass", platformClass)
                .set("controlAddress", controlAddress)
                .set("startMethod", startMethod)
                .write();
        writeParameters(w);
        int paramsEnd = Tpm2Decoder.PARAMETERS + Tpm2Decoder.parameterBytes(revision);
        boolean hasParameters = !parameters.equals(new Tpm2Table.Opaque(""));
        if ((hasParameters || logArea != null) && w.position() < paramsEnd) {
            w.zeros(paramsEnd - w.position());
        }
        if (logArea != null) {
            w.record(Tpm2Decoder.LOG_AREA_RECORD, logArea);
        }
        return w.zeros(trailing).finish();
    }

    private void writeParameters(TableWriter w) {
        if (parameters instanceof Tpm2Table.ArmSmc p) {
            w.record(Tpm2Decoder.ARM_SMC_RECORD, p);
        } else if (parameters instanceof Tpm2Table.Ffa p) {
            w.record(Tpm2Decoder.FFA_RECORD, p);
        } else if (parameters instanceof Tpm2Table.Mailbox p) {
            w.record(Tpm2Decoder.MAILBOX_RECORD, p);
        } else if (parameters instanceof Tpm2Table.Opaque p) {
            w.bytes(HexFormat.of().parseHex(p.hex()));
        }
    }
}
