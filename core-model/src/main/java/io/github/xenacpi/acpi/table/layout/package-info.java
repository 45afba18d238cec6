/**
 * The decoding framework every table decoder and builder shares: the standard header and how a table frames
 * itself, declarative field layouts, bounded structure reads
 * ({@link io.github.xenacpi.acpi.table.layout.DecodeContext}), sub-table walks, and the checks decoders have in
 * common. It knows no particular table.
 */
package io.github.xenacpi.acpi.table.layout;
