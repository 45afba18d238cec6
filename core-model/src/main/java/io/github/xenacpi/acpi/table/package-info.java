/**
 * What each ACPI table says: one record per signature ({@code XxxTable}, sealed under
 * {@link io.github.xenacpi.acpi.table.AcpiTable}), the registry of decoders
 * ({@link io.github.xenacpi.acpi.table.TableDecoders}, the {@code TableDecoder} contract) and one decoded table
 * ({@link io.github.xenacpi.acpi.table.LoadedTable}). The decoders are in {@code acpi.table.decoder}, the
 * framework they build on in {@code acpi.table.layout}, the loading of a whole image in {@code acpi.table.load}.
 */
package io.github.xenacpi.acpi.table;
