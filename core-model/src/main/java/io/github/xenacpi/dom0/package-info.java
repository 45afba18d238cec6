/**
 * The Dom0 Linux model: which regions Linux touches, through which API (ioremap, acpi_os_ioremap, AML, device
 * add), at which boot stage and for which Linux version, as an ordered list of boot events.
 */
package io.github.xenacpi.dom0;
