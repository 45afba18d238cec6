/**
 * What each ACPI table says and how it is read: one record per signature ({@code XxxTable}, sealed under
 * {@link io.github.xenacpi.acpi.table.AcpiTable}), one decoder per signature ({@code XxxDecoder}) registered in
 * {@link io.github.xenacpi.acpi.table.TableDecoders}, and the load order and root-table walk of
 * {@link io.github.xenacpi.acpi.table.AcpiTables}. The framework they build on is in {@code acpi.table.layout}.
 */
package io.github.xenacpi.acpi.table;
