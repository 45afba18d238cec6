package io.github.xenacpi.acpi;

import java.util.Objects;

/**
 * A problem found while reading or decoding firmware, pointing at the byte it concerns: the table (signature),
 * its instance among tables of that signature (1-based, 0 when no table is concerned), and the byte offset
 * within that table (-1 when no offset applies).
 */
public record Diagnostic(String table, int instance, long offset, Severity severity, String message) {

    public Diagnostic {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** A diagnostic about the input as a whole rather than one table. */
    public static Diagnostic ofSource(Severity severity, String message) {
        return new Diagnostic("", 0, -1, severity, message);
    }

    @Override
    public String toString() {
        String where = table.isEmpty() ? "input" : table + (instance > 1 ? "#" + instance : "");
        String at = offset >= 0 ? String.format(" @0x%X", offset) : "";
        return severity.label() + ": " + where + at + ": " + message;
    }
}
