package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;

/**
 * The Firmware ACPI Control Structure (ACPI 6.5 section 5.2.10): the hardware signature, the waking vectors, the
 * global lock and the flags. It has no standard header; its {@link #header()} holds its signature, length and
 * version.
 */
public record FacsTable(
        TableHeader header,
        long length,
        long hardwareSignature,
        long firmwareWakingVector,
        long globalLock,
        long flags,
        long xFirmwareWakingVector,
        int version,
        long ospmFlags)
        implements AcpiTable {

    /** Flags bit 0: S4BIOS_REQ is supported. */
    public static final long S4BIOS_F = 1;
    /** Flags bit 1: the platform can wake into a 64-bit environment. */
    public static final long WAKE_64BIT_SUPPORTED_F = 1 << 1;
}
