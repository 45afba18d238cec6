package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Status Override Table (Xen project, referenced by ACPI 6.5 section 5.2.6): whether the OS must ignore the
 * SPCR UART, and the full ACPI namespace paths of devices it must treat as absent. Xen on ARM generates one with
 * {@code ignoreUart = 1} and no name list; Linux ({@code acpi_scan_init}) honours the UART flag only.
 */
public record StaoTable(TableHeader header, int ignoreUart, List<String> names) implements AcpiTable {

    public StaoTable {
        names = List.copyOf(names);
    }

    /** Whether the UART flag is set. */
    public boolean uartHidden() {
        return ignoreUart != 0;
    }
}
