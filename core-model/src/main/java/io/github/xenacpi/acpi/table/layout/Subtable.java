package io.github.xenacpi.acpi.table.layout;

/**
 * One entry of a framed list inside a table: its type (-1 when the framing has none), where it starts, how many
 * bytes of it are usable (its length field, cut at the end of the list when it overruns), its 0-based index and
 * its path for messages, like {@code MADT.structure[4]}.
 */
public record Subtable(int type, int offset, int length, int index, String path) {

    /** The first byte after the entry. */
    public int end() {
        return offset + length;
    }
}
