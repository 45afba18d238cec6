package io.github.xenacpi.acpi.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a table's bytes came from, so that a diagnostic can point at the byte in the user's file: the file, its
 * format, the byte offset of the table within that file (binary inputs), the line of the table's header (text
 * dumps, 1-based; 0 otherwise), and the physical address the dump claims for it ({@code -1} when unknown or
 * when the dump printed zero, as sysfs-based acpidump does).
 */
public record TableOrigin(Path file, SourceFormat format, long fileOffset, int line, long address) {

    public TableOrigin {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
    }

    /** Whether the dump gave a physical address for this table. */
    public boolean hasAddress() {
        return address != -1;
    }

    @Override
    public String toString() {
        String at = line > 0 ? ":" + line : (fileOffset > 0 ? String.format("+0x%X", fileOffset) : "");
        return file + at;
    }
}
