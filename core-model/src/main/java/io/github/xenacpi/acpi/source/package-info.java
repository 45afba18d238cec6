/**
 * Reading firmware as users have it (acpidump text in every variant, acpixtract and sysfs folders, single
 * tables) into raw tables with their origin (file, line, offset), with bounded memory and a diagnostic for
 * everything that is not a table.
 */
package io.github.xenacpi.acpi.source;
