/**
 * What each ACPI table says: one record per signature ({@code XxxTable}, sealed under
 * {@link io.github.xenacpi.acpi.table.AcpiTable}), the registry of decoders
 * ({@link io.github.xenacpi.acpi.table.TableDecoders}, the {@code TableDecoder} contract) and the loading of a
 * firmware image in Linux's order ({@link io.github.xenacpi.acpi.table.AcpiTables}). The decoders are in
 * {@code acpi.table.decoder}, the framework they build on in {@code acpi.table.layout}.
 */
package io.github.xenacpi.acpi.table;
