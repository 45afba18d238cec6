package io.github.xenacpi.platform.builder.aml;

/** The access type of a Field's flags or of AccessAs (ACPI 6.5 section 19.6.48), in encoding order. */
public enum FieldAccessType {
    ANY, BYTE, WORD, DWORD, QWORD, BUFFER
}
