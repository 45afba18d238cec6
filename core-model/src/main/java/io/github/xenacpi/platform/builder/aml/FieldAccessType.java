package io.github.xenacpi.platform.builder.aml;

/** The access type of a Field's flags or of AccessAs (ACPI 6.5 section 19.6.48). */
public enum FieldAccessType {
    ANY(0),
    BYTE(1),
    WORD(2),
    DWORD(3),
    QWORD(4),
    BUFFER(5);

    private final int encoding;

    FieldAccessType(int encoding) {
        this.encoding = encoding;
    }

    /** The value the AML writes: bits 3:0 of the field flags, or AccessAs's access type byte. */
    public int encoding() {
        return encoding;
    }
}
