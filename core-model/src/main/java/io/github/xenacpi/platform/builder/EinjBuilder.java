package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.ApeiInstruction;
import io.github.xenacpi.acpi.table.EinjTable;
import io.github.xenacpi.acpi.table.decoder.EinjDecoder;
import java.util.ArrayList;
import java.util.List;

/** Writes an EINJ with any injection instruction entries. */
public final class EinjBuilder implements TableBuilder {
    private final List<ApeiInstruction> entries = new ArrayList<>();
    private long headerLength = 12;
    private int flags;
    private Long entryCount;

    /** Appends one instruction entry. */
    public EinjBuilder entry(ApeiInstruction entry) {
        entries.add(entry);
        return this;
    }

    /** Overrides the injection header size field (12 unless set). */
    public EinjBuilder headerLength(long value) {
        this.headerLength = value;
        return this;
    }

    public EinjBuilder flags(int value) {
        this.flags = value;
        return this;
    }

    /** Overrides the entry count field (the number of entries unless set). */
    public EinjBuilder entryCount(long value) {
        this.entryCount = value;
        return this;
    }

    @Override
    public String signature() {
        return "EINJ";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("EINJ", 1, oem)
                .record(
                        EinjDecoder.TABLE_RECORD,
                        new EinjTable(
                                null,
                                headerLength,
                                flags,
                                entryCount != null ? entryCount : entries.size(),
                                List.of()));
        ApeiEntryWriter.write(w, entries);
        return w.finish();
    }
}
