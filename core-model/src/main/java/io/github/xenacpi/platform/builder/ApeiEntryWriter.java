package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.ApeiInstruction;
import io.github.xenacpi.acpi.table.decoder.ApeiInstructions;
import java.util.List;

/** Writes the instruction entries ERST and EINJ share. */
final class ApeiEntryWriter {

    private ApeiEntryWriter() {}

    static void write(TableWriter w, List<ApeiInstruction> entries) {
        for (ApeiInstruction e : entries) {
            w.struct(ApeiInstructions.ENTRY)
                    .set("action", e.action())
                    .set("instruction", e.instruction())
                    .set("flags", e.flags())
                    .set("register", e.register())
                    .set("value", e.value())
                    .set("mask", e.mask())
                    .write();
        }
    }
}
