package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Error Injection table (ACPI 6.5 section 18.6): the injection header (size, flags, entry count) and its
 * injection instruction entries.
 */
public record EinjTable(
        TableHeader header, long headerLength, int flags, long entryCount, List<ApeiInstruction> entries)
        implements AcpiTable {

    public EinjTable {
        entries = List.copyOf(entries);
    }
}
