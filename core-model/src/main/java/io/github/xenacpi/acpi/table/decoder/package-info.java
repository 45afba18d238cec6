/**
 * One decoder per table signature ({@code XxxDecoder}): the table's layouts, its bounded reads and checks, one
 * diagnostic per problem, and the ranges it describes. Each is registered in
 * {@code META-INF/services/io.github.xenacpi.acpi.table.TableDecoder}, where
 * {@link io.github.xenacpi.acpi.table.TableDecoders} finds it.
 *
 * <p>How to add a table (ARCHITECTURE.md, "How to add ... a table", has the whole recipe): write its record
 * {@code XxxTable} in {@code acpi.table} and add it to {@code AcpiTable}'s {@code permits}; here, declare one
 * {@code Layout} per fixed structure and bind each record whose components are its fields with
 * {@code RecordLayout}; read through the {@code DecodeContext}, report each range with the length the table gives
 * (0 when none: Linux's extent goes to {@code platform.RegionExtents}); register the class in the services file
 * and its signature in {@code TableDecodersTest}. {@code McfgDecoder} is the smallest example.
 */
package io.github.xenacpi.acpi.table.decoder;
