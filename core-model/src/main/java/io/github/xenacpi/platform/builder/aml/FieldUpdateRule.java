package io.github.xenacpi.platform.builder.aml;

/** How a Field write treats the bits of a unit it does not cover (ACPI 6.5 section 19.6.48). */
public enum FieldUpdateRule {
    PRESERVE(0),
    WRITE_AS_ONES(1),
    WRITE_AS_ZEROS(2);

    private final int encoding;

    FieldUpdateRule(int encoding) {
        this.encoding = encoding;
    }

    /** The value the AML writes in bits 6:5 of the field flags. */
    public int encoding() {
        return encoding;
    }
}
