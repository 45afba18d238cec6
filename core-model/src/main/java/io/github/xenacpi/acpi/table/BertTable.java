package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;

/**
 * The Boot Error Record Table (ACPI 6.5 section 18.3.1): where firmware left the Generic Error Status Block of
 * errors that happened before the OS took over, and how long that region is.
 */
public record BertTable(TableHeader header, long regionLength, long regionAddress) implements AcpiTable {}
