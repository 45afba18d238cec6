package io.github.xenacpi.acpi.source;

/** What {@link DumpRowParser} made of a line: a data row, a row-shaped line that cannot be read, or no row. */
sealed interface DumpRow {

    /** Most bytes one row can hold. */
    int MAX_BYTES = 16;

    /** A well-formed row. */
    @SuppressWarnings("ArrayRecordComponent") // a parsed row on its way to the assembler, never compared
    record Data(long offset, byte[] bytes) implements DumpRow {}

    /** A line shaped like a row (offset and colon) whose bytes cannot be read; {@code problem} says why. */
    record Malformed(long offset, String problem) implements DumpRow {}

    /** A line that is not a row at all. */
    record NotARow() implements DumpRow {}
}
