package io.github.xenacpi.platform.builder.aml;

/** How a Field write treats the bits of a unit it does not cover (ACPI 6.5 section 19.6.48), in encoding order. */
public enum FieldUpdateRule {
    PRESERVE, WRITE_AS_ONES, WRITE_AS_ZEROS
}
