package io.github.xenacpi.acpi.table.layout;

/** One named field of a {@link Layout}: its byte offset within the structure, its width and its kind. */
public record Field(String name, int offset, int length, FieldType type) {

    /** The first byte after the field. */
    public int end() {
        return offset + length;
    }
}
