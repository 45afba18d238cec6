package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Extended (XSDT, 64-bit entries) or Root (RSDT, 32-bit entries) System Description Table: the physical
 * addresses of every other table but the DSDT and FACS, in the order the OS installs them.
 */
public record RootTable(TableHeader header, List<Long> entries) implements AcpiTable {

    public RootTable {
        entries = List.copyOf(entries);
    }
}
