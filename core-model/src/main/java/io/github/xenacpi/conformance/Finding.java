package io.github.xenacpi.conformance;

import io.github.xenacpi.acpi.Severity;
import java.util.Objects;

/**
 * One breach of a rule: the rule's id, the severity, the table (signature) and its 1-based instance (0 when the
 * finding concerns a table that is missing), the byte offset in that table (-1 when none applies), the message,
 * and the path of the structure or field concerned (such as {@code MADT.structure[3].mpidr}; {@code ""} when none).
 */
public record Finding(
        String ruleId, Severity severity, String table, int instance, long offset, String message, String path) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String toString() {
        String where = table.isEmpty() ? "platform" : table + (instance > 1 ? "#" + instance : "");
        String at = offset >= 0 ? String.format(" @0x%X", offset) : "";
        return severity.label() + " " + ruleId + ": " + where + at + ": " + message;
    }
}
