package io.github.xenacpi.acpi.table;

/**
 * A decoded ACPI table: one immutable record per signature, holding every field the specification defines for
 * the revisions seen in real firmware. What the table says about memory lives in the regions its decoder
 * reports; what is wrong with it, in diagnostics.
 */
public interface AcpiTable {

    /** The table's header. */
    TableHeader header();
}
