package io.github.xenacpi.platform.builder;

/**
 * Makes the bytes of one ACPI table from values set in code. Each table with a builder has one class
 * implementing this; {@link PlatformBuilder} assembles them into a platform with an RSDP and XSDT.
 */
public interface TableBuilder {

    /** The signature of the table this builder writes. */
    String signature();

    /** The complete table, with correct length and checksum. */
    byte[] build(OemIdentity oem);
}
