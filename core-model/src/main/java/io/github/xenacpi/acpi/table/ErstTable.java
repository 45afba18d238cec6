package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Error Record Serialization Table (ACPI 6.5 section 18.5): the serialization header and its instruction
 * entries, which tell the OS how to store and retrieve error records in persistent storage.
 */
public record ErstTable(TableHeader header, long headerLength, long entryCount, List<ApeiInstruction> entries)
        implements AcpiTable {

    public ErstTable {
        entries = List.copyOf(entries);
    }
}
