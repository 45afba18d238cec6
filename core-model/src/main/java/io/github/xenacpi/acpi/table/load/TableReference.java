package io.github.xenacpi.acpi.table.load;

import io.github.xenacpi.acpi.table.LoadedTable;

/**
 * The field through which the OS finds a table: the referring table's signature and instance, the byte offset
 * of the address field in it, and a path naming the field ({@code XSDT.entry[3]}, {@code FACP.X_DSDT}).
 */
record TableReference(String table, int instance, long offset, String path) {

    static TableReference of(LoadedTable from, long offset, String path) {
        return new TableReference(from.signature(), from.instance(), offset, path);
    }
}
