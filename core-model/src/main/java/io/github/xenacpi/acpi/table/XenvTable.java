package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;

/**
 * The Xen Environment table (Xen project specification {@code xen-env-table-spec}): the grant table's guest
 * physical range and the event channel upcall interrupt. Xen on ARM does not generate it (it passes the same
 * information through the device tree). The grant table range is guest memory that Xen provides, not a firmware
 * region, so this table describes no region.
 */
public record XenvTable(
        TableHeader header, long grantTableBase, long grantTableSize, long eventInterrupt, int eventFlags)
        implements AcpiTable {

    /** Whether the event interrupt is edge-triggered (flags bit 0). */
    public boolean edgeTriggered() {
        return (eventFlags & 1) != 0;
    }

    /** Whether the event interrupt is active low (flags bit 1). */
    public boolean activeLow() {
        return (eventFlags & 2) != 0;
    }
}
