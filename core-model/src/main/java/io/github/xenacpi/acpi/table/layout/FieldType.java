package io.github.xenacpi.acpi.table.layout;

/** The kinds of field a {@link Layout} declares, as ACPICA's field tables do. */
public enum FieldType {
    /** Unsigned little-endian integers of 1, 2, 4 or 8 bytes. */
    UINT,
    /** Fixed-width ASCII, trailing NULs and spaces trimmed on read, NUL-padded on write. */
    ASCII,
    /** A 12-byte Generic Address Structure. */
    GAS,
    /** Opaque bytes (UUIDs, vendor data). */
    BYTES,
    /** Bytes the specification reserves; must be zero. */
    RESERVED
}
