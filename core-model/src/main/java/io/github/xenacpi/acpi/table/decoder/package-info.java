/**
 * One decoder per table signature ({@code XxxDecoder}): the table's layouts, its bounded reads and checks, one
 * diagnostic per problem, and the ranges it describes. Each is registered in
 * {@code META-INF/services/io.github.xenacpi.acpi.table.TableDecoder}, where
 * {@link io.github.xenacpi.acpi.table.TableDecoders} finds it.
 */
package io.github.xenacpi.acpi.table.decoder;
