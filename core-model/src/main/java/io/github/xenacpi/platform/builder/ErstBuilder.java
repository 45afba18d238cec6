package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.ApeiInstruction;
import io.github.xenacpi.acpi.table.ErstTable;
import io.github.xenacpi.acpi.table.decoder.ErstDecoder;
import java.util.ArrayList;
import java.util.List;

/** Writes an ERST with any serialization instruction entries. */
public final class ErstBuilder implements TableBuilder {
    private final List<ApeiInstruction> entries = new ArrayList<>();
    private long headerLength = 12;
    private Long entryCount;

    /** Appends one instruction entry. */
    public ErstBuilder entry(ApeiInstruction entry) {
        entries.add(entry);
        return this;
    }

    /** Overrides the header length field (12 unless set). */
    public ErstBuilder headerLength(long value) {
        this.headerLength = value;
        return this;
    }

    /** Overrides the entry count field (the number of entries unless set). */
    public ErstBuilder entryCount(long value) {
        this.entryCount = value;
        return this;
    }

    @Override
    public String signature() {
        return "ERST";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("ERST", 1, oem)
                .record(
                        ErstDecoder.TABLE_RECORD,
                        new ErstTable(null, headerLength, entryCount != null ? entryCount : entries.size(), List.of()));
        ApeiEntryWriter.write(w, entries);
        return w.finish();
    }
}
