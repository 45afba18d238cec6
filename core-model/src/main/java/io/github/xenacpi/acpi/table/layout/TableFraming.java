package io.github.xenacpi.acpi.table.layout;

/**
 * How a table frames itself: where its length is and what its checksum covers. All ACPI tables use the standard
 * 36-byte header except the Root System Description Pointer and the Firmware ACPI Control Structure.
 */
public enum TableFraming {
    /** 36-byte header; the byte sum of {@code length} bytes is zero. */
    STANDARD,
    /** RSDP: 20 bytes checksummed in revision 0, plus an extended checksum over {@code length} from revision 2. */
    RSDP,
    /** FACS: signature and length, no checksum, no OEM fields. */
    FACS
}
