package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.FpdtTable;
import io.github.xenacpi.acpi.table.decoder.FpdtDecoder;
import java.util.ArrayList;
import java.util.List;

/** Writes an FPDT with FBPT and S3PT pointer records and, for tests, records of other types. */
public final class FpdtBuilder implements TableBuilder {
    private final List<long[]> records = new ArrayList<>();

    /** Adds a Firmware Basic Boot Performance Table pointer record. */
    public FpdtBuilder fbpt(long address) {
        return pointer(FpdtTable.FBPT_POINTER, address);
    }

    /** Adds an S3 Performance Table pointer record. */
    public FpdtBuilder s3pt(long address) {
        return pointer(FpdtTable.S3PT_POINTER, address);
    }

    /** Adds a pointer-shaped record of any type (revision 1, 16 bytes). */
    public FpdtBuilder pointer(int type, long address) {
        records.add(new long[] {type, address});
        return this;
    }

    @Override
    public String signature() {
        return "FPDT";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("FPDT", 1, oem);
        for (long[] r : records) {
            w.struct(FpdtDecoder.POINTER_RECORD)
                    .set("type", r[0])
                    .set("length", FpdtDecoder.POINTER_RECORD.size())
                    .set("revision", 1)
                    .set("address", r[1])
                    .write();
        }
        return w.finish();
    }
}
