/**
 * A firmware image's tables decoded and put in the order Linux loads them
 * ({@link io.github.xenacpi.acpi.table.load.AcpiTables#load}): the RSDP/XSDT walk, the load order and the
 * cross-checks of the references between tables.
 */
package io.github.xenacpi.acpi.table.load;
