package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;

/**
 * The Root System Description Pointer (ACPI 6.5 section 5.2.5): where the RSDT (revision 0) and the XSDT
 * (revision 2 and later) are. Its {@link #header()} is synthesised from the fields it has.
 */
public record RsdpTable(TableHeader header, String oemId, int revision, long rsdtAddress, long length, long xsdtAddress)
        implements AcpiTable {}
