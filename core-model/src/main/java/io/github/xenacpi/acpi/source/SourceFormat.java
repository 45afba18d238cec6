package io.github.xenacpi.acpi.source;

/** The forms in which users have ACPI tables; detected from the input, never configured. */
public enum SourceFormat {
    /** Text written by acpidump (ACPICA, Windows acpidump.exe, FWTS, pmtools): headers and hex rows. */
    ACPIDUMP_TEXT,
    /** A folder of binary tables: acpixtract or acpidump -b output, *.aml, *.bin, files named by signature. */
    TABLE_DIRECTORY,
    /** A copy of Linux's /sys/firmware/acpi/tables, with its dynamic/ and data/ sub-folders. */
    SYSFS_DIRECTORY,
    /** One binary table in one file. */
    BINARY_FILE,
    /** Tables made in memory by the project's table builder. */
    BUILDER
}
