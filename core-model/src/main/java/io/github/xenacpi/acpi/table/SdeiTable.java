package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;

/**
 * The Software Delegated Exception Interface table (a signature ACPI 6.5 reserves, defined by Arm DEN 0054):
 * only a header, whose presence says the firmware implements SDEI; events are discovered through SDEI calls.
 */
public record SdeiTable(TableHeader header) implements AcpiTable {}
