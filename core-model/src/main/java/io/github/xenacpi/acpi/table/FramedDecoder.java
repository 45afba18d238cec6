package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableFraming;

/** A decoder of a table that does not start with the standard header (RSDP, FACS). */
public interface FramedDecoder {

    /** How the table frames its length and checksum. */
    TableFraming framing();
}
