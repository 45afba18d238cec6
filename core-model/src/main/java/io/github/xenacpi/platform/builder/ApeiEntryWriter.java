package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.ApeiInstruction;
import io.github.xenacpi.acpi.table.decoder.ApeiInstructions;
import java.util.List;

/** Writes the instruction entries ERST and EINJ share, through the decoder's binding of the entry record. */
final class ApeiEntryWriter {

    private ApeiEntryWriter() {}

    static void write(TableWriter w, List<ApeiInstruction> entries) {
        entries.forEach(e -> w.record(ApeiInstructions.ENTRY_RECORD, e));
    }
}
