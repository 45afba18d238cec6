package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.DecodeContext;

/**
 * Decodes the tables of one signature into their record. A decoder never throws on bad input: it reads through
 * its {@link DecodeContext}, which bounds every read to the table's usable bytes, reports each problem as a
 * diagnostic with its offset, and collects the regions the table describes.
 *
 * @param <T> the record type this decoder yields
 */
public interface TableDecoder<T extends AcpiTable> {

    /** The signature this decoder handles, such as {@code MCFG}. */
    String signature();

    /** Decodes the table behind the context. */
    T decode(DecodeContext context);
}
